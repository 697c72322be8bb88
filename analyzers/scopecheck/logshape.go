package scopecheck

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A module's own leveled logger. goatcounter logs through its own
// pkg/log (log.Errorf(ctx, "logout: %s", err)), whose body writes to a
// writer of the package and so exports a WorkFact; scopecheck's list of
// neutral packages knows only third-party loggers, and a logout handler
// was taken to work. A function or method with no result whose last
// parameter is a variadic list of operands (...any) and whose name is a
// log level (Trace, Debug, Info, Notice, Warn, Warning, Error, Critical,
// with a printf, println, key-value or context suffix) records what
// happened: it is no work a scope protects, wherever it is declared. A
// Fatal or Panic level (which ends the request), a function returning
// something (fmt.Errorf-like constructors) and one taking no operands
// are not covered. The shape is tokenlog's shapesink rule.

var logLevelWords = []string{"Trace", "Debug", "Info", "Notice", "Warning", "Warn", "Error", "Critical"}

var logLevelSuffixes = map[string]bool{
	"": true, "f": true, "ln": true, "w": true, "Context": true, "Contextf": true, "Ctx": true, "Ctxf": true,
}

// leveledLogger reports whether fn has the shape of a leveled logging
// function.
func leveledLogger(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	level := false
	for _, w := range logLevelWords {
		if rest, ok := strings.CutPrefix(fn.Name(), w); ok && logLevelSuffixes[rest] {
			level = true
			break
		}
	}
	if !level {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 0 || !sig.Variadic() || sig.Params().Len() == 0 {
		return false
	}
	last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if !ok {
		return false
	}
	it, ok := last.Elem().Underlying().(*types.Interface)
	return ok && it.Empty()
}

// onlyRecords reports whether every branch given (an if's body and its
// else, nil for none) only records what happened: each statement is a
// call of a logger (a leveled logger of any package, the standard
// library's log, log/slog or fmt printing, a neutral logging library).
// A condition on a role or scope whose branches only log decides
// nothing (if u.Role != "admin" { log.Printf("non-admin %s", u.ID) }
// and the work goes on): it is no access decision.
func (s *scan) onlyRecords(branches ...ast.Stmt) bool {
	for _, b := range branches {
		if b == nil {
			continue
		}
		blk, ok := b.(*ast.BlockStmt)
		if !ok {
			return false // else if: judged on its own
		}
		for _, st := range blk.List {
			es, ok := st.(*ast.ExprStmt)
			if !ok {
				return false
			}
			call, ok := ast.Unparen(es.X).(*ast.CallExpr)
			if !ok {
				return false
			}
			fn, ok := typeutil.Callee(s.info, call).(*types.Func)
			if !ok || !recordsOnly(fn) {
				return false
			}
		}
	}
	return true
}

// recordsOnly reports whether fn only writes a record: a leveled
// logger, a print function of log, log/slog or fmt that does not end
// the program, or a function of a neutral logging library.
func recordsOnly(fn *types.Func) bool {
	if leveledLogger(fn) {
		return true
	}
	name := fn.Name()
	if strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") {
		return false
	}
	switch funcPath(fn) {
	case "log", "log/slog":
		return true
	case "fmt":
		return strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fprint")
	}
	return isNeutral(funcPath(fn)) && !strings.HasPrefix(name, "New")
}
