//! Tables as people using assistive technology meet them: an HTML `<table>` laid out on its
//! grid of slots by HTML's "forming a table" algorithm, with HTML's assignment of header cells
//! to data cells; or a table built from ARIA `row` and cell roles. Rules about header cells
//! read a [`TableModel`] instead of walking rows themselves.

use std::collections::HashMap;

use super::ax_tree::{AxNode, AxTree};
use super::{parse_integer, El, NodeIndex};

/// HTML's "empty" cell: no child elements and only whitespace text.
pub fn is_empty_cell(el: &El) -> bool {
    el.children().next().is_none() && !el.has_text_content()
}

/// Roles that inherit from `cell`, which header cells are assigned to.
pub fn is_cell_role(el: &El) -> bool {
    matches!(
        el.role(),
        Some("cell" | "gridcell" | "columnheader" | "rowheader")
    )
}

/// A table's layout: an HTML `<table>` on its grid of slots, or a table built from ARIA roles.
pub enum TableModel {
    /// An HTML table, formed as HTML's table algorithm does.
    Html(Grid),
    /// A table of ARIA rows and cells.
    Aria(AriaGrid),
    /// An HTML table too large to form within the engine's bounds (hostile spans).
    TooLarge,
}

impl TableModel {
    /// The layout of a table element (an HTML `<table>`, or an element with a table role).
    pub fn form(table: &El) -> TableModel {
        if table.is_html() && table.name() == "table" {
            Grid::form(table).map_or(TableModel::TooLarge, TableModel::Html)
        } else {
            TableModel::Aria(AriaGrid::form(table))
        }
    }

    /// Whether a cell of this table has the id (HTML's "cell in the table" for `headers`);
    /// `None` when the table could not be formed (an ARIA table, or one too large).
    pub fn has_cell_with_id(&self, id: &str) -> Option<bool> {
        match self {
            TableModel::Html(grid) => Some(grid.first_with_id.contains_key(id)),
            TableModel::Aria(_) | TableModel::TooLarge => None,
        }
    }

    /// Whether some other cell of the table has `header` among its header cells; `None`
    /// when that cannot be worked out (the table is too large, or `header` is not one of its
    /// cells).
    pub fn heads_cells(&self, header: &El) -> Option<bool> {
        match self {
            TableModel::Html(grid) => grid.has_assigned_cells(header),
            TableModel::Aria(grid) => grid.has_assigned_cells(header),
            TableModel::TooLarge => None,
        }
    }
}

/// A table built from ARIA roles (rows owned by the table directly or through row groups,
/// cells owned by the rows): column headers head the cells at the same position in the
/// other rows, row headers the other cells of their row.
pub struct AriaGrid {
    /// Cell elements, row by row.
    rows: Vec<Vec<NodeIndex>>,
    /// cell → (row, column).
    positions: HashMap<NodeIndex, (usize, usize)>,
}

impl AriaGrid {
    fn form(table: &El) -> AriaGrid {
        let tree = AxTree::new(table.document());
        let mut rows: Vec<Vec<NodeIndex>> = Vec::new();
        let mut collect_row = |row: &El| {
            let cells = tree
                .children(row)
                .into_iter()
                .filter_map(|n| match n {
                    AxNode::Element(e) if is_cell_role(&e) => Some(e.index()),
                    _ => None,
                })
                .collect();
            rows.push(cells);
        };
        for node in tree.children(table) {
            let AxNode::Element(child) = node else {
                continue;
            };
            match child.role() {
                Some("row") => collect_row(&child),
                Some("rowgroup") => {
                    for n in tree.children(&child) {
                        if let AxNode::Element(row) = n {
                            if row.role() == Some("row") {
                                collect_row(&row);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let mut positions = HashMap::new();
        for (r, cells) in rows.iter().enumerate() {
            for (c, &cell) in cells.iter().enumerate() {
                positions.entry(cell).or_insert((r, c));
            }
        }
        AriaGrid { rows, positions }
    }

    fn has_assigned_cells(&self, header: &El) -> Option<bool> {
        let &(row, column) = self.positions.get(&header.index())?;
        Some(match header.role() {
            Some("columnheader") => self
                .rows
                .iter()
                .enumerate()
                .any(|(r, cells)| r != row && cells.len() > column),
            _ => self.rows[row].len() > 1,
        })
    }
}

/// Bounds on the table model, against hostile `colspan`/`rowspan` values.
const MAX_SLOTS: usize = 1 << 20;
const MAX_SCAN_STEPS: usize = 1 << 22;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Data,
    ColumnHeader,
    RowHeader,
}

struct Cell {
    x: usize,
    y: usize,
    width: usize,
    height: usize,
    kind: Kind,
    /// Index of the row group (`thead`, `tbody`, `tfoot`) the cell is anchored in.
    group: Option<usize>,
    /// A `scope="rowgroup"` header.
    rowgroup_header: bool,
    /// HTML's empty cell (dropped from header lists).
    empty: bool,
    /// Could have headers assigned implicitly: an exposed cell role, no `headers` attribute.
    implicit_candidate: bool,
}

/// An HTML table laid out on its grid of slots (HTML "forming a table"), with the header
/// assignment of HTML "forming relationships between data cells and header cells". Whether
/// a cell is a header comes from its role, so `scope` and explicit roles count.
pub struct Grid {
    cells: Vec<Cell>,
    /// (cell element, index into `cells`), sorted by element once the table is formed: a
    /// hashed map cost more to fill than the few lookups of a table's header cells save.
    by_element: Vec<(NodeIndex, u32)>,
    /// slots[y][x] = index into `cells`.
    slots: Vec<Vec<Option<u32>>>,
    slot_count: usize,
    /// For each id named in the `headers` attribute of an exposed cell: those cells.
    named_by: HashMap<String, Vec<usize>>,
    /// id → the first cell of the table with that id.
    first_with_id: HashMap<String, usize>,
}

impl Grid {
    fn form(table: &El) -> Option<Grid> {
        let mut grid = Grid {
            cells: Vec::new(),
            by_element: Vec::new(),
            slots: Vec::new(),
            slot_count: 0,
            named_by: HashMap::new(),
            first_with_id: HashMap::new(),
        };
        let mut y = 0;
        let mut group_index = 0;
        let mut footers = Vec::new();
        for child in table.children().filter(|c| c.is_html()) {
            match child.name() {
                "thead" | "tbody" => {
                    y = grid.add_group(&child, y, group_index)?;
                    group_index += 1;
                }
                "tfoot" => footers.push(child),
                "tr" => {
                    y = grid.add_row(&child, y, 1, None)?;
                }
                _ => {}
            }
        }
        for footer in footers {
            y = grid.add_group(&footer, y, group_index)?;
            group_index += 1;
        }
        // Rows come in document order but for the footers moved last.
        grid.by_element.sort_unstable();
        Some(grid)
    }

    fn add_group(&mut self, group: &El, mut y: usize, index: usize) -> Option<usize> {
        let rows: Vec<El> = group
            .children()
            .filter(|c| c.is_html() && c.name() == "tr")
            .collect();
        let end = y + rows.len();
        for row in rows {
            y = self.add_row(&row, y, end - y, Some(index))?;
        }
        Some(y.max(end))
    }

    /// Places one row's cells at row `y`; `rows_left` counts this row and the rest of its group.
    fn add_row(
        &mut self,
        row: &El,
        y: usize,
        rows_left: usize,
        group: Option<usize>,
    ) -> Option<usize> {
        let mut x = 0;
        for cell in row
            .children()
            .filter(|c| c.is_html() && matches!(c.name(), "td" | "th"))
        {
            while self.slot(x, y).is_some() {
                x += 1;
            }
            let width = span(cell.attr("colspan"), 1000).max(1);
            let height = match span(cell.attr("rowspan"), 65534) {
                0 => rows_left.max(1),
                n => n.min(rows_left.max(1)),
            };
            let kind = match cell.role() {
                Some("columnheader") => Kind::ColumnHeader,
                Some("rowheader") => Kind::RowHeader,
                _ => Kind::Data,
            };
            let index = self.cells.len();
            let exposed = is_cell_role(&cell) && cell.is_in_accessibility_tree();
            if exposed {
                for id in cell.attr("headers").unwrap_or("").split_ascii_whitespace() {
                    self.named_by.entry(id.to_string()).or_default().push(index);
                }
            }
            if let Some(id) = cell.attr("id") {
                self.first_with_id.entry(id.to_string()).or_insert(index);
            }
            self.by_element.push((cell.index(), index as u32));
            self.cells.push(Cell {
                x,
                y,
                width,
                height,
                kind,
                group,
                rowgroup_header: cell
                    .attr("scope")
                    .is_some_and(|s| s.trim().eq_ignore_ascii_case("rowgroup")),
                empty: is_empty_cell(&cell),
                implicit_candidate: exposed && cell.attr("headers").is_none(),
            });
            for sy in y..y + height {
                for sx in x..x + width {
                    self.set_slot(sx, sy, index as u32)?;
                }
            }
            x += width;
        }
        Some(y + 1)
    }

    fn slot(&self, x: usize, y: usize) -> Option<u32> {
        self.slots.get(y).and_then(|r| r.get(x)).copied().flatten()
    }

    fn set_slot(&mut self, x: usize, y: usize, cell: u32) -> Option<()> {
        self.slot_count += 1;
        if self.slot_count > MAX_SLOTS {
            return None;
        }
        if self.slots.len() <= y {
            self.slots.resize_with(y + 1, Vec::new);
        }
        let row = &mut self.slots[y];
        if row.len() <= x {
            row.resize(x + 1, None);
        }
        // Overlapping cells (a table model error): the first keeps the slot.
        row[x].get_or_insert(cell);
        Some(())
    }

    fn width(&self) -> usize {
        self.slots.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Whether some other exposed cell has `header` among its headers; `None` when the work
    /// would exceed the bound or the header is not a cell of the grid.
    fn has_assigned_cells(&self, header: &El) -> Option<bool> {
        let Ok(at) = self
            .by_element
            .binary_search_by_key(&header.index(), |&(element, _)| element)
        else {
            // Not a cell of this table's rows (e.g. a role="columnheader" div inside a cell).
            return None;
        };
        let h = self.by_element[at].1 as usize;
        let head = &self.cells[h];
        // Explicit headers: an exposed cell whose `headers` names this header (HTML takes
        // the table's first cell with that id).
        if let Some(id) = header.non_empty_attr("id") {
            if self.first_with_id.get(id) == Some(&h)
                && self
                    .named_by
                    .get(id)
                    .is_some_and(|c| c.iter().any(|&p| p != h))
            {
                return Some(true);
            }
        }
        let candidate = |p: usize| p != h && self.cells[p].implicit_candidate;
        // Row group headers (`scope="rowgroup"`) head every cell of their group after them.
        if head.rowgroup_header && head.group.is_some() {
            let assigned = (0..self.cells.len()).filter(|&p| candidate(p)).any(|p| {
                let c = &self.cells[p];
                c.group == head.group && c.x + c.width > head.x && c.y + c.height > head.y
            });
            if assigned {
                return Some(true);
            }
        }
        // Implicit headers: scan from each cell below (column header) or to the right (row
        // header) back towards the header, as HTML's algorithm scans from the cell.
        let (columns, rows, delta) = match head.kind {
            Kind::ColumnHeader => (
                head.x..head.x + head.width,
                head.y + head.height..self.slots.len(),
                (0, -1),
            ),
            Kind::RowHeader => (
                head.x + head.width..self.width(),
                head.y..head.y + head.height,
                (-1, 0),
            ),
            Kind::Data => return Some(false),
        };
        let mut steps = 0;
        for y in rows {
            for x in columns.clone() {
                let Some(p) = self.slot(x, y).map(|p| p as usize) else {
                    continue;
                };
                if candidate(p) && self.scan_reaches(p, h, x, y, delta, &mut steps)? {
                    return Some(true);
                }
            }
        }
        Some(false)
    }

    /// HTML's "internal algorithm for scanning and assigning header cells", from principal
    /// cell `p` at (x, y) in direction `delta`, stopped at the first meeting with `h`: whether
    /// `h` is added to `p`'s header list there.
    fn scan_reaches(
        &self,
        p: usize,
        h: usize,
        x: usize,
        y: usize,
        delta: (isize, isize),
        steps: &mut usize,
    ) -> Option<bool> {
        let principal_is_header = self.cells[p].kind != Kind::Data;
        let mut in_header_block = principal_is_header;
        let mut block: Vec<usize> = if principal_is_header {
            vec![p]
        } else {
            Vec::new()
        };
        let mut opaque: Vec<usize> = Vec::new();
        let (mut x, mut y) = (x as isize, y as isize);
        loop {
            *steps += 1;
            if *steps > MAX_SCAN_STEPS {
                return None;
            }
            x += delta.0;
            y += delta.1;
            if x < 0 || y < 0 {
                return Some(false);
            }
            let Some(c) = self.slot(x as usize, y as usize).map(|c| c as usize) else {
                continue;
            };
            let current = &self.cells[c];
            if current.kind == Kind::Data {
                if in_header_block {
                    in_header_block = false;
                    opaque.append(&mut block);
                }
                continue;
            }
            in_header_block = true;
            block.push(c);
            let blocked = if delta.0 == 0 {
                opaque
                    .iter()
                    .any(|&o| self.cells[o].x == current.x && self.cells[o].width == current.width)
                    || current.kind != Kind::ColumnHeader
            } else {
                opaque.iter().any(|&o| {
                    self.cells[o].y == current.y && self.cells[o].height == current.height
                }) || current.kind != Kind::RowHeader
            };
            if c == h {
                // HTML drops empty cells from header lists.
                return Some(!blocked && !current.empty);
            }
        }
    }
}

/// A `colspan`/`rowspan` value: HTML's non-negative integer, 1 when absent or invalid,
/// clamped to `max`.
fn span(value: Option<&str>, max: usize) -> usize {
    match value.and_then(parse_integer) {
        Some(n) if n >= 0 => (n as usize).min(max),
        _ => 1,
    }
}
