//! Criterion: lexing + parsing + compiling throughput on the benchmark
//! programs concatenated (reported in bytes/s).
//!   cargo bench --bench parse
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn sources() -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/lua");
    let mut all = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("benches/lua")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "lua"))
        .collect();
    names.sort();
    for p in names {
        // Each program as its own `do ... end` block keeps locals apart.
        all.extend_from_slice(b"do\n");
        all.extend(std::fs::read(p).expect("read program"));
        all.extend_from_slice(b"\nend\n");
    }
    all
}

fn bench_parse(c: &mut Criterion) {
    let src = sources();
    let mut g = c.benchmark_group("frontend");
    g.throughput(Throughput::Bytes(src.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            let arena = bumpalo::Bump::new();
            wlua_parser::parse(&arena, &src, "=bench").expect("parses");
        })
    });
    g.bench_function("parse_and_compile", |b| {
        b.iter(|| wlua_stdlib::load::compile(&src, "=bench").expect("compiles"))
    });
    g.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
