package scopecheck

import (
	"go/types"
	"strings"
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
