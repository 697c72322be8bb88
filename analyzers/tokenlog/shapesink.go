package tokenlog

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// This file holds two rules that judge a call by its shape rather than
// by a list of packages.
//
// A leveled logger tokenlog does not know (unknwon.dev/clog, a vendored
// or in-house logger in a module that is not analyzed, a logger behind an
// interface) is recognised by its signature and name: a function or
// method (of a package other than testing and the standard log
// packages) with no result, whose parameters end in a message and its operands (format string,
// args ...any) or in operands alone (args ...any), and whose name is a
// log level (Trace, Debug, Info, Notice, Warn, Warning, Error, Critical,
// Fatal, Panic) with an optional printf, depth or target suffix
// (Tracef, Infoln, Infow, ErrorDepth, TraceTo, DebugWith, InfoWithCtx)
// and an optional Ctx or Z
// prefix (CtxInfof, ZDebug). Operands may also be a structured logger's
// fields (fields ...zap.Field, attrs ...slog.Attr), as in-house wrappers
// of zap and slog in dependencies take them. The rule is the fallback
// for callees the analyzer has no other word on: a known library, a
// summary of a function in sight and a fact of an analyzed package come
// first. Functions that return something are not loggers by this rule:
// fmt.Errorf-like constructors return an error (their own sub-rule) and
// translation calls (i18n.Tr(lang, format, args...)) return the text.
//
// A key-value logger (go-kit's log.Logger and the in-house interfaces
// copied from it, level.Debug(logger).Log("msg", m, "user", u)) is
// recognised by the same rule's second shape: a method named Log whose
// only parameter is keyvals ...any and whose only result is an error.
// Its result is not a value the caller uses but the logger's write error,
// which is why the first shape's "no result" does not apply to it.
//
// The third shape is the standard log.Logger's Output method copied into
// an interface (nsq's lg.Logger, go-nsq's logger: Output(calldepth int,
// s string) error), through which a library writes to whatever logger
// its user plugs in: a method named Output with exactly those parameter
// and result types writes s to a log.
//
// The fourth shape is the standard log.Logger's print methods copied into
// an interface (shoutrrr's types.StdLogger: Print(v ...any), Printf(format
// string, v ...any), Println(v ...any)), through which a library writes
// to the *log.Logger its user plugs in: a method of an interface that
// declares Printf and Print or Println with those signatures and no
// results. A concrete type's Printf (a terminal UI, a report builder)
// is not judged by this shape.
//
// A value stored under a credential's query parameter
// (q.Set("secret", v), q.Add("access_token", v)) is a credential, whatever
// its own name: the encoded query (and the URL built from it) carries it.

// levelWords are the log levels a logger's method names start with.
var levelWords = []string{"Trace", "Debug", "Info", "Notice", "Warning", "Warn", "Error", "Critical", "Fatal", "Panic"}

// levelSuffixes may follow the level word: printf and println forms,
// zap-style key-value forms, a call depth, a named target, a context.
var levelSuffixes = map[string]bool{
	"": true, "f": true, "ln": true, "w": true, "Depth": true, "To": true, "DepthTo": true, "Depthf": true,
	"Context": true, "Contextf": true, "Ctx": true, "Ctxf": true,
	// nuclio's logger: DebugWith(format any, vars ...any) takes a
	// message and key-value pairs, DebugWithCtx the same after a
	// context.
	"With": true, "WithCtx": true, "WithContext": true,
}

// levelPrefixWords may come before the level word: a context-taking
// form (hertz's and kitex's CtxInfof) and a structured form (ZInfo, ZDebug
// of loggers that wrap zap).
var levelPrefixWords = []string{"Ctx", "Z"}

// isLevelName reports whether name is a log level with an allowed prefix
// and suffix.
func isLevelName(name string) bool {
	for _, p := range levelPrefixWords {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" && isLevelWord(rest) {
			return true
		}
	}
	return isLevelWord(name)
}

// isLevelWord reports whether name is a log level with an allowed suffix.
func isLevelWord(name string) bool {
	for _, w := range levelWords {
		if rest, ok := strings.CutPrefix(name, w); ok && levelSuffixes[rest] {
			return true
		}
	}
	return false
}

// shapeSink reports whether fn is a leveled logging function by its
// shape (see the comment at the top of the file), and at which argument
// (receiver excluded) what it writes starts.
func shapeSink(fn *types.Func) (sink, bool) {
	if fn == nil || fn.Pkg() == nil || stdlibLevelNamed(fn.Pkg().Path()) {
		return sink{}, false
	}
	if keyvalsLog(fn) {
		return sink{rule: ruleLog, name: credsrc.QualifiedName(fn)}, true
	}
	if outputLog(fn) {
		return sink{rule: ruleLog, name: credsrc.QualifiedName(fn), first: 1}, true
	}
	if printLog(fn) {
		return sink{rule: ruleLog, name: credsrc.QualifiedName(fn)}, true
	}
	if !isLevelName(fn.Name()) {
		return sink{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !sig.Variadic() || sig.Results().Len() != 0 {
		return sink{}, false
	}
	params := sig.Params()
	n := params.Len()
	last, ok := params.At(n - 1).Type().(*types.Slice)
	if !ok {
		return sink{}, false
	}
	if !operandType(last.Elem()) {
		return sink{}, false
	}
	first := n - 1
	if n >= 2 && (isString(params.At(n-2).Type()) || isEmptyInterface(params.At(n-2).Type())) {
		// The message: a format string, or any value printed as
		// one (nuclio's Debug(format any, vars ...any)).
		first = n - 2
	}
	return sink{rule: ruleLog, name: credsrc.QualifiedName(fn), first: first}, true
}

// isEmptyInterface reports whether t is any.
func isEmptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.NumMethods() == 0
}

// operandType reports whether a logger's variadic operands have type t:
// any value (args ...any), or a structured logger's field (zap.Field,
// zapcore.Field, slog.Attr), as an in-house wrapper of zap or slog in a
// dependency takes them (logger.Info(msg string, fields ...zap.Field)).
func operandType(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Interface); ok {
		return isEmptyInterface(t)
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "go.uber.org/zap.Field", "go.uber.org/zap/zapcore.Field", "log/slog.Attr":
		return true
	}
	return false
}

// keyvalsLog reports whether fn is a key-value logger's write method:
// a method Log(keyvals ...any) error (see the comment at the top of the
// file).
func keyvalsLog(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || fn.Name() != "Log" || sig.Recv() == nil || !sig.Variadic() || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	last, ok := sig.Params().At(0).Type().(*types.Slice)
	if !ok {
		return false
	}
	if !isEmptyInterface(last.Elem()) {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), errorType)
}

// stdlibLevelNamed reports whether path is a standard-library package
// whose level-named functions are not service logs (testing.T.Errorf) or
// are known by name in classify (log, log/slog).
func stdlibLevelNamed(path string) bool {
	switch path {
	case "testing", "log", "log/slog", "log/syslog":
		return true
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// queryKeyed returns the taint url.Values.Set or Add gives the value it
// stores when the constant key is a credential's query parameter: the
// value is a credential by where it is put. Keys too generic to say so
// ("key", "sig", "auth") and parameters that carry no reusable secret
// (credsrc.QueryKeyCarriesNoSecret) give none, nor do constant values.
func (f *fnState) queryKeyed(c *ssa.CallCommon, fn *types.Func, args []ssa.Value) taint {
	if fn.Pkg() == nil || fn.Pkg().Path() != "net/url" || credsrc.RecvTypeName(fn) != "Values" || (fn.Name() != "Set" && fn.Name() != "Add") || len(args) != 2 {
		return taint{}
	}
	key, ok := credsrc.ConstString(args[0])
	if !ok || !queryCredentialKey(key) {
		return taint{}
	}
	if _, isConst := credsrc.ConstString(args[1]); isConst || f.deep(args[1]).tr != nil {
		// A constant is no secret; a value already known as a
		// credential keeps its own, more precise, description.
		return taint{}
	}
	return queryKeyTaint(key, c.Pos())
}

// queryKeyTaint is the taint of a value stored under the credential
// query parameter key at pos.
func queryKeyTaint(key string, pos token.Pos) taint {
	kind := credname.Classify(key)
	if kind == credname.None {
		kind = credname.Credential
	}
	src := credsrc.Source{Kind: kind, Desc: fmt.Sprintf("%s stored under query parameter %q", kind, key), Typed: true}
	return taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: pos, Message: src.Desc}}}}
}

// queryLiteralKeyed is queryKeyed for an entry of a url.Values literal
// (url.Values{"api_key": {k}}): the value stored under a credential's
// query parameter is a credential, unless every element is a constant.
func (f *fnState) queryLiteralKeyed(u *ssa.MapUpdate) taint {
	if !isPkgType(u.Map.Type(), "net/url", "Values") {
		return taint{}
	}
	key, ok := credsrc.ConstString(u.Key)
	if !ok || !queryCredentialKey(key) || f.deep(u.Value).tr != nil || constElems(u.Value) {
		return taint{}
	}
	return queryKeyTaint(key, u.Pos())
}

// constElems reports whether v is a slice literal whose elements are all
// constants ([]string{"demo"}), or nil.
func constElems(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok {
		return c.IsNil()
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return false
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, r := range *arr.Referrers() {
		if r == sl {
			continue
		}
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			return false
		}
		for _, w := range *ia.Referrers() {
			st, ok := w.(*ssa.Store)
			if !ok || st.Addr != ia {
				return false
			}
			if _, ok := credsrc.ConstString(st.Val); !ok {
				return false
			}
		}
	}
	return true
}

// queryCredentialKey reports whether a query parameter written by the
// program names a reusable credential.
func queryCredentialKey(key string) bool {
	switch strings.ToLower(key) {
	case "key", "sig", "signature", "auth":
		return false
	}
	if credsrc.PresignQueryKey(key) {
		// A URL the program presigns itself (presign.go in credsrc).
		return true
	}
	return credname.IsCredentialParam(key) && !credsrc.QueryKeyCarriesNoSecret(key)
}

// notLogger is the fact that an exported function shaped like a logger
// was read and hands no operand to the sinks its body calls: a wrapper
// that redacts, or one that logs only its own constants. Other packages
// then apply its (empty) summary instead of its shape. A body that calls
// no sink at all (a logger writing to its own io.Writer) says nothing,
// and the shape decides.
type notLogger struct{}

// AFact marks notLogger as an analysis fact.
func (*notLogger) AFact() {}

func (*notLogger) String() string { return "tokenlog(not a logger by shape)" }

// exportNotLoggers exports notLogger for the package's exported
// functions shaped like a logger whose body calls a sink that none of
// their parameters reaches.
func (st *pkgState) exportNotLoggers(fns []*ssa.Function) {
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || !st.sinkCallers[fn] || !st.sums[fn].empty() {
			continue
		}
		if _, shaped := shapeSink(obj); shaped {
			st.pass.ExportObjectFact(obj, &notLogger{})
		}
	}
}

// judgedNotLogger reports whether fn's package read its body and found
// it hands its operands to no sink (see notLogger).
func (st *pkgState) judgedNotLogger(fn *types.Func) bool {
	return fn.Pkg() != st.pass.Pkg && st.pass.ImportObjectFact(fn, new(notLogger))
}

// outputLog reports whether fn has the shape of log.Logger's Output:
// Output(calldepth int, s string) error.
func outputLog(fn *types.Func) bool {
	if fn.Name() != "Output" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Variadic() || sig.Params().Len() != 2 || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Int && isString(sig.Params().At(1).Type()) && types.Identical(sig.Results().At(0).Type(), errorType)
}

// printLog reports whether fn is Print, Printf or Println of an interface
// that copies log.Logger's print methods (the fourth shape).
func printLog(fn *types.Func) bool {
	switch fn.Name() {
	case "Print", "Printf", "Println":
	default:
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	it, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	has := map[string]bool{}
	for i := 0; i < it.NumMethods(); i++ {
		m := it.Method(i)
		if printShape(m) {
			has[m.Name()] = true
		}
	}
	return has[fn.Name()] && has["Printf"] && (has["Print"] || has["Println"])
}

// printShape reports whether m has log.Logger's signature for its name:
// Printf(format string, v ...any), Print and Println(v ...any), no
// results.
func printShape(m *types.Func) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok || !sig.Variadic() || sig.Results().Len() != 0 {
		return false
	}
	params := sig.Params()
	last, ok := params.At(params.Len() - 1).Type().(*types.Slice)
	if !ok || !isEmptyInterface(last.Elem()) {
		return false
	}
	switch m.Name() {
	case "Printf":
		return params.Len() == 2 && isString(params.At(0).Type())
	case "Print", "Println":
		return params.Len() == 1
	}
	return false
}
