//! Where things are: the content folder, the data folder and the config
//! folder, each from its flag, else its environment variable, else the
//! platform's folder.

use std::path::{Path, PathBuf};

use crate::content::source;
use crate::store::Store;

/// `--content`, else `BACKCOACH_CONTENT_DIR`, else `content/` in the config
/// folder. A folder named explicitly must exist; the default may not.
pub fn content_dir(flag: Option<&Path>) -> Result<Option<PathBuf>, String> {
    let named = flag
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("BACKCOACH_CONTENT_DIR").map(PathBuf::from));
    if let Some(dir) = named {
        return source::content_folder(&dir).map(|()| Some(dir));
    }
    Ok(directories::ProjectDirs::from("", "", "backcoach")
        .map(|dirs| dirs.config_dir().join("content"))
        .filter(|dir| dir.is_dir()))
}

/// `--data-dir`, else `BACKCOACH_DATA_DIR`, else the platform's data folder.
pub fn data_dir(flag: Option<&Path>) -> Result<PathBuf, String> {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("BACKCOACH_DATA_DIR").map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "backcoach").map(|d| d.data_dir().to_path_buf())
        })
        .ok_or_else(|| {
            "cannot find a data folder (no home folder?); pass --data-dir DIR".to_owned()
        })
}

/// `--config`, else `BACKCOACH_CONFIG_DIR`, else the platform's config
/// folder (where `content/` is); the data folder when there is none.
pub fn config_dir(flag: Option<&Path>, data: &Path) -> PathBuf {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("BACKCOACH_CONFIG_DIR").map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "backcoach")
                .map(|d| d.config_dir().to_path_buf())
        })
        .unwrap_or_else(|| data.to_path_buf())
}

/// The data folder opened for writing, with its config folder.
pub fn open_store(data_flag: Option<&Path>, config_flag: Option<&Path>) -> Result<Store, String> {
    let dir = data_dir(data_flag)?;
    let store = Store::open(&dir).map_err(|err| err.to_string())?;
    Ok(store.with_config_dir(&config_dir(config_flag, &dir)))
}
