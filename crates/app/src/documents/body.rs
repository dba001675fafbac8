//! The body of an imported document as HTML: its text line by line as paragraphs,
//! every character escaped, and the runs of lines that are the cells of one of its
//! source's data tables as that table.

use gongkai_extract::Table;

/// Plain text as HTML paragraphs; every character is escaped, so nothing in the text
/// can become markup.
pub(crate) fn paragraphs_html(text: &str) -> String {
    body_html(text, &[])
}

/// The body's HTML: paragraphs, and each of `tables` where the text holds its cells
/// (the text has one line per cell line, in row order).
pub(crate) fn body_html(text: &str, tables: &[Table]) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut at = 0;
    let mut pending = tables.iter();
    let mut next = pending.next();
    while at < lines.len() {
        if let Some(table) = next
            && let Some(used) = matches_at(&lines[at..], table)
        {
            out.push(table_html(table));
            at += used;
            next = pending.next();
            continue;
        }
        out.push(format!("<p>{}</p>", escape_html(lines[at])));
        at += 1;
    }
    out.join("\n")
}

/// How many lines from the start of `lines` are the cells of `table`, if they are.
fn matches_at(lines: &[&str], table: &Table) -> Option<usize> {
    let mut used = 0;
    for cell in table.iter().flatten() {
        for cell_line in cell.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            if *lines.get(used)? != cell_line {
                return None;
            }
            used += 1;
        }
    }
    (used > 0).then_some(used)
}

fn table_html(table: &Table) -> String {
    let cell = |text: &str| {
        text.split('\n')
            .map(|line| escape_html(line.trim()))
            .collect::<Vec<_>>()
            .join("<br>")
    };
    let mut rows = table.iter();
    let head = rows.next().map(|row| {
        let cells: String = row
            .iter()
            .map(|c| format!("<th scope=\"col\">{}</th>", cell(c)))
            .collect();
        format!("<thead><tr>{cells}</tr></thead>")
    });
    let body: String = rows
        .map(|row| {
            let cells: String = row
                .iter()
                .map(|c| format!("<td>{}</td>", cell(c)))
                .collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    format!(
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"表格\" tabindex=\"0\"><table>{}<tbody>{body}</tbody></table></div>",
        head.unwrap_or_default()
    )
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    gongkai_search::escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_text_becomes_escaped_paragraphs() {
        let html = paragraphs_html("第一段 <script>alert(1)</script>\n\n  第二段 & \"引号\"  \n");
        assert_eq!(
            html,
            "<p>第一段 &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>第二段 &amp; &quot;引号&quot;</p>"
        );
    }

    #[test]
    fn the_lines_of_a_tables_cells_become_the_table() {
        let table: Table = vec![
            vec!["序号".into(), "单位".into()],
            vec!["1".into(), "区财政局\n（牵头）".into()],
        ];
        let text = "名单如下：\n序号\n单位\n1\n区财政局\n（牵头）\n特此公告。";
        let html = body_html(text, &[table]);
        assert_eq!(
            html,
            "<p>名单如下：</p>\n<div class=\"table-wrap\" role=\"region\" aria-label=\"表格\" tabindex=\"0\"><table><thead><tr><th scope=\"col\">序号</th>\
             <th scope=\"col\">单位</th></tr></thead><tbody><tr><td>1</td><td>区财政局<br>（牵头）</td>\
             </tr></tbody></table></div>\n<p>特此公告。</p>"
        );
        let other: Table = vec![
            vec!["甲".into(), "乙".into()],
            vec!["丙".into(), "丁".into()],
        ];
        assert_eq!(
            body_html("甲\n乙\n丙", &[other]),
            "<p>甲</p>\n<p>乙</p>\n<p>丙</p>",
            "a partial match is text"
        );
    }
}
