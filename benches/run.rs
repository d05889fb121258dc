//! Criterion: the VM on whole programs, compiled once and timed per run.
//!   cargo bench --bench run
use criterion::{Criterion, criterion_group, criterion_main};

fn bench_fib(c: &mut Criterion) {
    let src = b"local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end return fib(27)";
    let proto = wlua_stdlib::load::compile(src, "=fib").expect("fib compiles");
    c.bench_function("vm_fib_27", |b| {
        b.iter(|| {
            let mut vm = wlua::new_vm();
            let f = vm.load_proto(proto.clone(), None);
            let r = vm.call(f, &[]).expect("fib runs");
            assert!(matches!(r[0], wlua_vm::Value::Int(196418)));
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_fib
}
criterion_main!(benches);
