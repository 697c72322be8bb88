package tokenlog

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// Sub-rules, carried in Diagnostic.Category.
const (
	ruleLog   = "log"
	rulePrint = "print"
	// rulePrintGenerated is a print of a credential the printing
	// function generated at random (freshprint.go).
	rulePrintGenerated = "print-generated"
	ruleStruct         = "struct"
	ruleError          = "error"
)

// sink describes a call that writes its arguments somewhere people read.
type sink struct {
	rule string // ruleLog, rulePrint or ruleError
	name string // "log.Printf", "zap.Logger.Info"
	// first is the index (among the call's arguments, receiver
	// excluded) of the first argument that is written.
	first int
	// recv is true when a tainted receiver (a logger that was given a
	// credential with With/WithField/Str) is written too.
	recv bool
	// masked is true when the logger replaces the program's configured
	// secrets in what it writes (lgrmask.go).
	masked bool
}

// effect is what a known library call does with taint besides sinking.
type effect int

const (
	effNone      effect = iota
	effPropagate        // result carries the taint of the arguments (and receiver)
	effSanitize         // result never carries taint
	effWriteRecv        // arguments flow into the receiver's memory (Builder.WriteString)
	effReadRecv         // result carries the receiver's memory (Builder.String)
	effWriteArg0        // arguments flow into the memory of argument 0 (fmt.Fprintf to a buffer)
	effDecodeMap        // argument 0 flows into a map or interface argument 1 points to (json.Unmarshal(body, &m))
)

// sanitizerWords are words that, in a function's name, say its result
// no longer shows the credential.
var sanitizerWords = []string{"redact", "mask", "hash", "truncat", "fingerprint", "obfuscat", "sanitiz", "scrub", "anonymi", "censor", "elide", "abbrev", "digest", "hmac", "checksum", "encrypt", "seal"}

// isSanitizerName reports whether a function's name says it hides its
// argument: redactToken, MaskSecret, hashKey, truncate.
func isSanitizerName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range sanitizerWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// longTruncation reports whether fn, a function of the analyzed code
// whose name says it truncates, only limits the length of what it is
// given: it returns a parameter whole on some path (the text is short
// enough) and never cuts a string to a short prefix or suffix
// (shortSlice). Such a helper bounds a log line (s[:LogMaxLen] with
// LogMaxLen = 8 KiB, a request dump with its Authorization header
// intact); it hides nothing, unlike tok[:4] + "…".
func longTruncation(fn *ssa.Function) bool {
	if fn == nil || len(fn.Blocks) == 0 || !strings.Contains(strings.ToLower(fn.Name()), "truncat") {
		return false
	}
	whole := false
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Slice:
				if shortSlice(in) {
					return false
				}
			case *ssa.Return:
				for _, r := range in.Results {
					for _, p := range fn.Params {
						if r == p {
							whole = true
						}
					}
				}
			}
		}
	}
	return whole
}

// returnsRedactionMarker reports whether fn, a function of the analyzed
// code, returns a redaction marker ("[redacted]", "****") on some path:
// a helper that redacts, perhaps only when configured to (logKey), where
// the author decided what the log shows.
func returnsRedactionMarker(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
			if c, ok := ret.Results[0].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
				if isRedactionMarker(constant.StringVal(c.Value)) {
					return true
				}
			}
		}
	}
	return false
}

// isRedactionMarker reports whether s is what code shows instead of a
// secret.
func isRedactionMarker(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"redact", "***", "xxxx", "hidden", "masked", "omitted", "removed", "censored", "secret>", "<secret", "sensitive"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// loggerSet is the value of the -loggers flag: in-house log sinks given
// as importpath.Func or importpath.Type.Method.
type loggerSet map[string]bool

func (s *loggerSet) String() string {
	if s == nil || *s == nil {
		return ""
	}
	keys := make([]string, 0, len(*s))
	for k := range *s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ",")
}

// Set replaces the set with the comma-separated list v.
func (s *loggerSet) Set(v string) error {
	set := loggerSet{}
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		// The import path may contain dots (example.com/x/log), so the
		// function part starts after the last slash.
		slash := strings.LastIndex(f, "/")
		if !strings.Contains(f[slash+1:], ".") {
			return fmt.Errorf("logger %q: want importpath.Func or importpath.Type.Method", f)
		}
		set[f] = true
	}
	*s = set
	return nil
}

// key spells fn as the -loggers flag does.
func loggerKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	if r := credsrc.RecvTypeName(fn); r != "" {
		return fn.Pkg().Path() + "." + r + "." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// levelPrefixes are the method-name prefixes of logging calls in the
// leveled loggers (logrus, klog, zap's sugared logger).
var levelPrefixes = []string{"Trace", "Debug", "Info", "Print", "Warn", "Error", "Fatal", "Panic", "DPanic", "Log", "Exit"}

// classify says what a statically known callee does. stdout reports
// whether argument 0 of the call is os.Stdout or os.Stderr (for
// fmt.Fprint*), buffer whether it is an in-memory buffer.
func (st *pkgState) classify(fn *types.Func, arg0 ssa.Value) (sink, effect, bool) {
	if fn.Pkg() == nil {
		return sink{}, effNone, false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	recv := credsrc.RecvTypeName(fn)
	qual := credsrc.QualifiedName(fn)
	if st.loggers[loggerKey(fn)] {
		return sink{rule: ruleLog, name: qual, recv: recv != ""}, effNone, true
	}
	switch path {
	case "log":
		if hasAnyPrefix(name, "Print", "Fatal", "Panic") || name == "Output" {
			first := 0
			if name == "Output" {
				first = 1
			}
			// The standard logger may write through go-pkgz/lgr with
			// a secret masker (lgrmask.go).
			return sink{rule: ruleLog, name: qual, first: first, masked: st.lgrMasks(true)}, effNone, true
		}
	case "log/slog":
		switch {
		case (recv == "Logger" || recv == "") && (name == "With" || name == "WithGroup"):
			// slog.With(slog.String("root-token", t)) returns the
			// default logger with the attribute bound, as the method
			// does (bank-vaults' unseal sidecar).
			return sink{}, effPropagate, true
		case (recv == "" || recv == "Logger") && hasAnyPrefix(name, "Debug", "Info", "Warn", "Error", "Log"):
			return sink{rule: ruleLog, name: qual, recv: recv != ""}, effNone, true
		case recv == "" && (name == "String" || name == "Any" || name == "Group" || name == "GroupValue" || name == "StringValue" || name == "AnyValue"):
			return sink{}, effPropagate, true
		}
	case "fmt":
		switch name {
		case "Print", "Printf", "Println":
			return sink{rule: rulePrint, name: qual}, effNone, true
		case "Fprint", "Fprintf", "Fprintln":
			if s := stdStream(arg0); s != "" {
				return sink{rule: rulePrint, name: qual + " to os." + s, first: 1}, effNone, true
			}
			if w := logWriter(arg0); w != "" {
				return sink{rule: ruleLog, name: qual + " to " + w, first: 1}, effNone, true
			}
			if isBuffer(arg0) {
				return sink{}, effWriteArg0, true
			}
			return sink{}, effNone, false
		case "Sprint", "Sprintf", "Sprintln", "Append", "Appendf", "Appendln":
			return sink{}, effPropagate, true
		case "Errorf":
			return sink{rule: ruleError, name: qual}, effNone, true
		}
	case "errors":
		if name == "New" {
			return sink{rule: ruleError, name: qual}, effNone, true
		}
	case "github.com/pkg/errors", "emperror.dev/errors", "github.com/cockroachdb/errors":
		// pkg/errors and the libraries that keep its API (emperror,
		// cockroachdb).
		switch name {
		case "New", "Errorf", "Wrap", "Wrapf", "WithMessage", "WithMessagef":
			first := 0
			if strings.HasPrefix(name, "Wrap") || strings.HasPrefix(name, "WithMessage") {
				first = 1
			}
			return sink{rule: ruleError, name: qual, first: first}, effNone, true
		}
	case "go.uber.org/zap":
		switch recv {
		case "Logger", "SugaredLogger":
			if name == "With" || name == "Named" || name == "WithOptions" || name == "Sugar" || name == "Desugar" || name == "WithLazy" {
				return sink{}, effPropagate, true
			}
			if hasAnyPrefix(name, levelPrefixes...) {
				return sink{rule: ruleLog, name: qual, recv: true}, effNone, true
			}
		case "":
			// Field constructors (zap.String, zap.Any, zap.ByteString,
			// zap.Reflect, zap.Stringer, zap.Strings ...) carry the
			// value into the Field.
			if res := fn.Type().(*types.Signature).Results(); res.Len() == 1 && isNamed(res.At(0).Type(), "Field") {
				return sink{}, effPropagate, true
			}
		}
	case lgrPath:
		// go-pkgz/lgr (umputun's services): Printf, Print and Fatalf of
		// the package's default logger, Logf of a Logger or Func.
		switch name {
		case "Printf", "Print", "Fatalf", "Logf":
			if recv != "" && recv != "Logger" && recv != "Func" {
				break
			}
			return sink{rule: ruleLog, name: qual, recv: recv == "Logger", masked: st.lgrMasks(false)}, effNone, true
		}
	case "github.com/sirupsen/logrus":
		if strings.HasPrefix(name, "With") {
			return sink{}, effPropagate, true
		}
		if (recv == "" || recv == "Logger" || recv == "Entry") && hasAnyPrefix(name, levelPrefixes...) && !strings.HasSuffix(name, "Level") && name != "Logger" {
			return sink{rule: ruleLog, name: qual, recv: recv != ""}, effNone, true
		}
	case "github.com/rs/zerolog", "github.com/rs/zerolog/log":
		switch name {
		case "Msg", "Msgf", "Send", "MsgFunc", "Print", "Printf", "Println":
			return sink{rule: ruleLog, name: qual, recv: recv != ""}, effNone, true
		}
		// Every other zerolog call builds an event, context or logger
		// from its receiver and arguments: Str, Interface, Bytes, With,
		// Logger, Info().
		return sink{}, effPropagate, true
	case "code.cloudfoundry.org/lager", "code.cloudfoundry.org/lager/v3":
		// Cloud Foundry's logger (concourse, garden): an interface
		// whose calls take an action name and lager.Data maps.
		if recv == "Logger" {
			switch name {
			case "Debug", "Info", "Error", "Fatal":
				return sink{rule: ruleLog, name: qual, recv: true}, effNone, true
			case "Session", "WithData", "WithTraceInfo":
				return sink{}, effPropagate, true
			}
		}
	case "k8s.io/klog/v2", "k8s.io/klog", "github.com/golang/glog":
		if hasAnyPrefix(name, "Info", "Warning", "Error", "Fatal", "Exit") {
			return sink{rule: ruleLog, name: qual, recv: recv != ""}, effNone, true
		}
	case "github.com/go-logr/logr":
		if recv == "Logger" {
			switch name {
			case "Info", "Error":
				return sink{rule: ruleLog, name: qual, recv: true}, effNone, true
			case "WithValues", "WithName", "V":
				return sink{}, effPropagate, true
			}
		}
	case "net/http":
		if recv == "Header" && name == "Clone" {
			// A copy of the headers holds their values
			// (headerclone.go).
			return sink{}, effReadRecv, true
		}
	case "strings", "bytes":
		switch recv {
		case "Replacer":
			if name == "Replace" {
				return sink{}, effPropagate, true // replacer.go
			}
			return sink{}, effNone, false
		case "Builder", "Buffer":
			switch {
			case strings.HasPrefix(name, "Write"):
				return sink{}, effWriteRecv, true
			case name == "String" || name == "Bytes":
				return sink{}, effReadRecv, true
			}
			return sink{}, effNone, false
		case "":
			if name == "Compare" || name == "EqualFold" || name == "Count" || strings.HasPrefix(name, "Index") || strings.HasPrefix(name, "Contains") || strings.HasPrefix(name, "Has") {
				return sink{}, effNone, false
			}
			return sink{}, effPropagate, true
		}
	}
	return st.classifyMore(path, name)
}

// flowArgs says which arguments of a propagating call reach its result:
// all of them, except in strings and bytes, where the value is argument
// 0 and the others are separators, cut sets and patterns
// (strings.ReplaceAll(line, secret, "REDACTED") removes the secret).
func flowArgs(fn *types.Func, i int) bool {
	if fn.Pkg() == nil || credsrc.RecvTypeName(fn) != "" {
		return true
	}
	switch fn.Pkg().Path() {
	case "strings", "bytes":
	default:
		return true
	}
	switch fn.Name() {
	case "Join", "Concat":
		return true
	case "Replace", "ReplaceAll":
		return i == 0 || i == 2
	}
	return i == 0
}

// classifyMore continues classify for the encoding and hashing packages.
func (st *pkgState) classifyMore(path, name string) (sink, effect, bool) {
	switch path {
	case "strconv":
		if strings.HasPrefix(name, "Quote") || strings.HasPrefix(name, "AppendQuote") || name == "Unquote" {
			return sink{}, effPropagate, true
		}
	case "encoding/base64", "encoding/base32", "encoding/hex", "encoding/pem":
		if strings.HasPrefix(name, "Encode") || strings.HasPrefix(name, "Decode") || strings.HasPrefix(name, "Append") || name == "Dump" {
			return sink{}, effPropagate, true
		}
	case "encoding/json":
		// The encoding carries what the encoder writes of the value:
		// makeInterface leaves out the fields it skips (jsonenc.go).
		if name == "Marshal" || name == "MarshalIndent" {
			return sink{}, effPropagate, true
		}
		if name == "Unmarshal" {
			// A token response decoded into a map holds its tokens
			// under whatever keys: printing the map prints them
			// (go-authcrunch logs the map its token request
			// returns). A struct's fields are judged one by one, by
			// name, and are not tainted whole.
			return sink{}, effDecodeMap, true
		}
	case "net/url":
		switch name {
		case "QueryEscape", "PathEscape", "QueryUnescape", "PathUnescape", "Parse", "ParseRequestURI", "ParseQuery":
			// A URL parsed from a string that carries a credential (a
			// DSN with a password) carries it; see urls.go. So do the
			// Values parsed from a query string (querymask.go).
			return sink{}, effPropagate, true
		case "Set", "Add":
			// Values.Set("token", tok): the encoded query carries it.
			return sink{}, effWriteRecv, true
		case "Encode":
			return sink{}, effReadRecv, true
		}
	case "crypto/sha256", "crypto/sha512", "crypto/sha1", "crypto/md5", "crypto/hmac", "crypto/subtle", "hash/fnv", "hash/crc32", "golang.org/x/crypto/bcrypt", "golang.org/x/crypto/argon2", "golang.org/x/crypto/scrypt":
		return sink{}, effSanitize, true
	}
	return sink{}, effNone, false
}

func isNamed(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name
}

// stdStream returns "Stdout" or "Stderr" when v is a load of os.Stdout
// or os.Stderr, and "" otherwise.
func stdStream(v ssa.Value) string {
	if v == nil {
		return ""
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if ld, ok := v.(*ssa.UnOp); ok {
		if g, ok := ld.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && (g.Name() == "Stdout" || g.Name() == "Stderr") {
			return g.Name()
		}
	}
	return ""
}

// logWriter names the log output v is, on every path, or returns "".
//
// A writer is a log when it is the output of the standard logger
// (log.Writer(), (*log.Logger).Writer()) or one of gin's log writers
// (gin.DefaultWriter, gin.DefaultErrorWriter: the io.Writer variables,
// os.Stdout and os.Stderr by default, that gin's logger and recovery
// middleware write to and that services point at their log file). A
// choice between such writers (writer := gin.DefaultErrorWriter; if
// info { writer = gin.DefaultWriter }) is one when each of its values
// is a log writer or a standard stream.
func logWriter(v ssa.Value) string {
	return logWriterSeen(v, map[ssa.Value]bool{})
}

func logWriterSeen(v ssa.Value, seen map[ssa.Value]bool) string {
	if v == nil || seen[v] {
		return ""
	}
	seen[v] = true
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return logWriterSeen(mi.X, seen)
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		g, ok := v.X.(*ssa.Global)
		if !ok || v.Op != token.MUL || g.Pkg == nil {
			return ""
		}
		if g.Pkg.Pkg.Path() == "github.com/gin-gonic/gin" && (g.Name() == "DefaultWriter" || g.Name() == "DefaultErrorWriter") {
			return "gin." + g.Name()
		}
	case *ssa.Call:
		fn := v.Call.StaticCallee()
		if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "log" || fn.Name() != "Writer" {
			return ""
		}
		if fn.Signature.Recv() != nil {
			return "(*log.Logger).Writer()"
		}
		return "log.Writer()"
	case *ssa.Phi:
		name := ""
		for _, e := range v.Edges {
			w := logWriterSeen(e, seen)
			if w == "" {
				if s := stdStream(e); s != "" {
					w = "os." + s
				}
			}
			if w == "" {
				return ""
			}
			if name == "" || strings.HasPrefix(name, "os.") {
				name = w
			}
		}
		return name
	}
	return ""
}

// isBuffer reports whether v is a *strings.Builder or *bytes.Buffer (in
// an io.Writer), which fmt.Fprintf fills like Sprintf.
func isBuffer(v ssa.Value) bool {
	if v == nil {
		return false
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	p, ok := v.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "strings.Builder", "bytes.Buffer":
		return true
	}
	return false
}
