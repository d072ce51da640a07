//! The one way to draw a selectable list: the selection reversed and
//! marked "▶ ", in a titled box or (in a small terminal) bare, scrolled to
//! keep the selection in view; reports where each visible entry is, for
//! the pointer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, List, ListItem, ListState, Padding};

use super::report;
use super::theme::Theme;
use crate::app::ListShown;

/// A list to draw: its entries, the selected one, and what a click on
/// the selection does.
pub struct ListView<'a> {
    /// The entries.
    pub items: Vec<ListItem<'a>>,
    /// The selected entry.
    pub selected: usize,
    /// A click on the selection opens it (else a click only selects).
    pub click_opens: bool,
}

impl<'a> ListView<'a> {
    /// Draws the list over `area`, in a box titled `title` when there is
    /// one (padded a cell each side).
    pub fn render(
        self,
        title: Option<Span<'a>>,
        frame: &mut Frame,
        area: Rect,
        theme: Theme,
    ) -> ListShown {
        let heights: Vec<usize> = self.items.iter().map(ListItem::height).collect();
        let mut list = List::new(self.items)
            .highlight_style(theme.selected())
            .highlight_symbol("▶ ");
        let inner = match title {
            Some(title) => {
                let block = Block::bordered()
                    .padding(Padding::horizontal(1))
                    .title(title);
                let inner = block.inner(area);
                list = list.block(block);
                inner
            }
            None => area,
        };
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(list, area, &mut state);
        let opens = self.click_opens.then_some(self.selected);
        report::list_rows(inner, &heights, state.offset(), opens)
    }
}
