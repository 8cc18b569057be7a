//! The register shown in the README loads, so the documentation cannot drift from the model.

use ropa::source::{Document, Format, Limits};

#[test]
fn readme_register_example_loads() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let start = readme.find("## A register file").expect("section");
    let block = readme[start..]
        .split("```yaml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("block");
    let document = Document::parse("README.md", block, Format::Yaml, Limits::default()).expect("parses");
    let register = document.register().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(register.activities.len(), 1);
}
