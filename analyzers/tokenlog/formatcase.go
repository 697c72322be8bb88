package tokenlog

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A command's output format.
//
// A function that prints a credential in one of several output formats
// chosen by a setting (switch format { case "bare": fmt.Println(tok);
// case "json": …; case "header": printHeader(…) }) is the output of a
// command that fetches or creates that credential: oauth2l's
// `fetch --output_format bare`, a `token create -o json`. Services do
// not pick their log's shape per line from an output format. So a print
// to stdout that runs only on one branch of a comparison of a value
// with a constant, where that value is also compared with the name of
// an output format (outputFormats), is a command's output, like the
// prints of a command's body (cliout.go), even when the function lives
// in a helper package whose command the analysis cannot see. A print
// after the switch, which runs whatever the format, is judged as
// before; so are logs and stderr.

// A helper that prints what it is handed (printHeader(tokenType, token))
// and that the package calls only from such branches prints one output
// format too: formatHelper.

// outputFormats are names of the output formats of command-line tools.
var outputFormats = map[string]bool{
	"json": true, "yaml": true, "yml": true, "text": true, "table": true, "raw": true, "bare": true,
	"pretty": true, "plain": true, "csv": true, "tsv": true, "wide": true, "toml": true, "xml": true,
	"json_compact": true, "json-compact": true, "jsonl": true, "ndjson": true,
}

// formatCase reports whether the call c of fn runs only on one branch of
// a comparison of an output-format setting with a constant.
func formatCase(fn *ssa.Function, c *ssa.CallCommon) bool {
	if fn == nil || len(fn.Blocks) == 0 {
		return false
	}
	var at *ssa.BasicBlock
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if ci, ok := in.(ssa.CallInstruction); ok && ci.Common() == c {
				at = b
			}
		}
	}
	if at == nil {
		return false
	}
	// The values compared with an output format's name.
	selectors := map[ssa.Value]bool{}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if x, k, ok := constCompare(in); ok && outputFormats[k] {
				selectors[x] = true
			}
		}
	}
	if len(selectors) == 0 {
		return false
	}
	for d := at.Idom(); d != nil; d = d.Idom() {
		x, ok := branchOn(d)
		if !ok || !selectors[x] {
			continue
		}
		for _, s := range d.Succs {
			if len(s.Preds) == 1 && s.Dominates(at) {
				return true
			}
		}
	}
	return false
}

// constCompare reports whether in compares a value with a string
// constant by == or !=, and returns the value and the constant.
func constCompare(in ssa.Instruction) (ssa.Value, string, bool) {
	bin, ok := in.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, "", false
	}
	x, y := bin.X, bin.Y
	k, ok := y.(*ssa.Const)
	if !ok {
		x, y = y, x
		k, ok = y.(*ssa.Const)
	}
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return nil, "", false
	}
	return x, constant.StringVal(k.Value), true
}

// branchOn returns the value a block's closing if compares with a
// string constant.
func branchOn(b *ssa.BasicBlock) (ssa.Value, bool) {
	if len(b.Instrs) == 0 {
		return nil, false
	}
	ifs, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, false
	}
	in, ok := ifs.Cond.(ssa.Instruction)
	if !ok {
		return nil, false
	}
	x, _, ok := constCompare(in)
	return x, ok
}

// stdoutPrint reports whether a print sink writes to stdout (fmt.Print*,
// not a write to os.Stderr), as commandOutput asks.
func stdoutPrint(name string) bool {
	return !strings.Contains(name, "Stderr") && strings.HasPrefix(name, "fmt.")
}

// formatHelper reports whether fn, an unexported function of its
// package without a receiver, is called only from branches of an
// output-format choice (formatCase) and is never used as a value.
func formatHelper(fn *ssa.Function) bool {
	if fn == nil || fn.Pkg == nil || fn.Parent() != nil || fn.Signature.Recv() != nil || fn.Object() == nil || fn.Object().Exported() {
		return false
	}
	ix := cliIndexOf(fn.Pkg)
	if len(ix.valueUsers[fn]) > 0 || len(ix.calls[fn]) == 0 {
		return false
	}
	for _, site := range ix.calls[fn] {
		if site.caller == fn || !formatCase(site.caller, site.call) {
			return false
		}
	}
	return true
}
