//! Writing an imported register as YAML: a header naming the source, then the register in the
//! model's order (controller, catalogues, activities), one activity per block.

use super::Import;

/// The imported register as YAML that `ropa check` reads back.
pub fn to_yaml(import: &Import) -> String {
    let body = serde_saphyr::to_string(&import.register).unwrap_or_default();
    let mut out = String::with_capacity(body.len() + 512);
    out.push_str(&format!(
        "# Register imported by ropa from {}: {} activities.\n\
         # {} of {} cells were read as typed fields; the other {} are kept in the organisation's words\n\
         # (a lawful basis's `wording`, or an activity's `unclassified`), and `ropa check` lists them.\n\
         # `controller.public_authority` is an assumption of the import: check it.\n",
        one_line(&import.source),
        import.register.activities.len(),
        import.stats.typed,
        import.stats.cells,
        import.stats.kept_as_text,
    ));
    let mut in_activities = false;
    for line in body.lines() {
        let top_level = !line.starts_with(' ') && !line.starts_with('-') && !line.is_empty();
        if top_level {
            out.push('\n');
            in_activities = line.starts_with("activities:");
        } else if in_activities && line.starts_with("- ") {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Text for a comment line: control characters and line breaks cannot end the comment.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
