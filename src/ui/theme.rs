//! Styles. Every style carries a modifier (bold, dim, reversed) as well as
//! a colour, so meaning survives `NO_COLOR` and colour-blindness.

use ratatui::style::{Color, Modifier, Style};

/// The palette, with or without colour.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// False when `NO_COLOR` is set.
    pub color: bool,
}

impl Theme {
    fn paint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// Screen and block titles.
    pub fn title(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// The selected row of a list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The current step of a card.
    pub fn current(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::White)
    }

    /// Secondary text: other steps, descriptions.
    pub fn dim(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::DIM), Color::Gray)
    }

    /// Key names in hints and help.
    pub fn key(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// Cautions and notices: always bold, and marked with a symbol by the view.
    pub fn warning(self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// Urgent red flags: bold and underlined as well as red, and always
    /// marked in words by the view.
    pub fn urgent(self) -> Style {
        self.paint(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::LightRed,
        )
    }

    /// Plain text.
    pub fn text(self) -> Style {
        Style::new()
    }
}
