//! Function prototypes: what the compiler produces and the VM runs.
//!
//! A `Proto` holds no heap values, only plain data (`Constant`), so one
//! compiled module can be shared read-only (`Arc<Proto>`) by every process
//! that runs it. Each heap materialises a proto's constants into its own
//! values once (see `heap::ProtoInst`).

use crate::op::Instr;
use std::sync::Arc;

/// A constant in a prototype's constant table (heap-free form).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Box<[u8]>),
}

/// Where a closure finds an upvalue when it is created (Upvaldesc).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpvalDesc {
    /// The name, for debug information and error messages.
    pub name: Box<str>,
    /// True: the enclosing function's register `index`;
    /// false: the enclosing function's upvalue `index`.
    pub in_stack: bool,
    pub index: u8,
}

/// A local variable's name and the pc range where it is live (LocVar).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocVar {
    pub name: Box<str>,
    /// First pc where the variable is active.
    pub start_pc: u32,
    /// First pc where the variable is dead.
    pub end_pc: u32,
}

#[derive(Clone, Debug)]
pub struct Proto {
    pub code: Vec<Instr>,
    /// Source line of each instruction (same length as `code`).
    pub lineinfo: Vec<u32>,
    pub constants: Vec<Constant>,
    pub protos: Vec<Arc<Proto>>,
    pub upvalues: Vec<UpvalDesc>,
    pub locvars: Vec<LocVar>,
    pub num_params: u8,
    pub is_vararg: bool,
    /// Registers this function needs (at least 2, as the reference).
    pub max_stack: u8,
    /// 0 for the main chunk.
    pub line_defined: u32,
    pub last_line_defined: u32,
    /// Chunk name as given to `load` (`@file.lua`, `=stdin`, or the source).
    pub source: Arc<str>,
}

impl Proto {
    pub fn new(source: Arc<str>) -> Proto {
        Proto {
            code: Vec::new(),
            lineinfo: Vec::new(),
            constants: Vec::new(),
            protos: Vec::new(),
            upvalues: Vec::new(),
            locvars: Vec::new(),
            num_params: 0,
            is_vararg: false,
            max_stack: 2,
            line_defined: 0,
            last_line_defined: 0,
            source,
        }
    }

    /// The name of the `n`-th local variable active at `pc` (luaF_getlocalname);
    /// `n` counts from 1.
    pub fn local_name(&self, mut n: usize, pc: usize) -> Option<&str> {
        for lv in &self.locvars {
            if lv.start_pc as usize > pc {
                break;
            }
            if pc < lv.end_pc as usize {
                n -= 1;
                if n == 0 {
                    return Some(&lv.name);
                }
            }
        }
        None
    }

    /// A `luac -l`-style listing of this proto and its children.
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        self.disassemble_into(&mut out);
        out
    }

    fn disassemble_into(&self, out: &mut String) {
        use std::fmt::Write;
        let kind = if self.line_defined == 0 {
            "main"
        } else {
            "function"
        };
        let _ = writeln!(
            out,
            "{} <{}:{},{}> ({} instructions)",
            kind,
            self.source,
            self.line_defined,
            self.last_line_defined,
            self.code.len()
        );
        let _ = writeln!(
            out,
            "{}{} params, {} slots, {} upvalues, {} locals, {} constants, {} functions",
            self.num_params,
            if self.is_vararg { "+" } else { "" },
            self.max_stack,
            self.upvalues.len(),
            self.locvars.len(),
            self.constants.len(),
            self.protos.len()
        );
        for (pc, ins) in self.code.iter().enumerate() {
            let line = self.lineinfo.get(pc).copied().unwrap_or(0);
            let _ = writeln!(out, "\t{}\t[{}]\t{:?}", pc + 1, line, ins);
        }
        for p in &self.protos {
            out.push('\n');
            p.disassemble_into(out);
        }
    }
}
