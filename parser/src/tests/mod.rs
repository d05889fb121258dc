use super::*;

#[test]
fn smoke() {
    let arena = Bump::new();
    let b = parse(&arena, b"local x = 1 print(x)", "=t").unwrap();
    assert_eq!(b.stats.len(), 2);
}
