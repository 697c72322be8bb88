package tokenlog

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"

	"golang.org/x/tools/go/types/typeutil"
)

// Lexical pieces (issue 15, class 1).
//
// tokens := strings.Fields(line) names the pieces of a text, as a
// lexer or a parser of a configuration line calls them: the name says
// nothing about credentials. The slice a splitting function returns
// takes no credential from its name; whether it holds one follows from
// the value that was split, which the data flow tracks (the pieces of
// an Authorization header are still reported). An element taken from
// the pieces under a credential name (token := parts[1]) keeps the hint.

// splitters return the pieces of a string or byte slice.
var splitters = map[string]bool{
	"strings.Fields": true, "strings.FieldsFunc": true, "strings.Split": true, "strings.SplitN": true,
	"strings.SplitAfter": true, "strings.SplitAfterN": true,
	"bytes.Fields": true, "bytes.FieldsFunc": true, "bytes.Split": true, "bytes.SplitN": true,
	"regexp.Regexp.Split": true, "regexp.Regexp.FindAllString": true,
}

// splitPieces reports whether e is a call of a splitting function that
// returns a slice of pieces.
func splitPieces(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if _, isSlice := info.TypeOf(call).Underlying().(*types.Slice); !isSlice {
		return false
	}
	key := fn.Pkg().Path() + "."
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := t.(*types.Named); ok {
			key += n.Obj().Name() + "."
		}
	}
	return splitters[key+fn.Name()]
}

// tokenizerCall reports whether e is a call of a function named for
// tokenizing (Tokenize, Tokenise, tokenizeName): its result is a
// lexical token or a name made safe for a subject or key (dendrite's
// token := jetstream.Tokenise(as.ID)), not a credential. A credential
// handed to it is still followed by the data flow; only the local's
// name stops counting.
func tokenizerCall(info *types.Info, e ast.Expr) bool {
	fn, _ := calledFunc(info, e)
	if fn == nil {
		return false
	}
	for _, w := range credname.Words(fn.Name()) {
		switch w {
		case "tokenize", "tokenise", "tokenizer", "tokeniser", "tokenized", "tokenised":
			return true
		}
	}
	return false
}

// rhsFor returns the expression assigned to lhs[i], or nil when a
// multi-value right side gives no single expression.
func rhsFor(lhs, rhs []ast.Expr, i int) ast.Expr {
	if len(rhs) == len(lhs) {
		return rhs[i]
	}
	return nil
}

// lexWords, in the name of a function of the program, say that it cuts
// a text into pieces: splitCommandLine, parseShellInput, lexArgs.
var lexWords = map[string]bool{
	"split": true, "parse": true, "lex": true, "scan": true, "fields": true, "words": true, "args": true,
}

// lexResult reports whether the variable name, given result i of e (of
// n results), is the plural "tokens" of a call that returns a []string
// from a function named for cutting a text into pieces (tokens, _ :=
// parseShellInput(line, true)): the pieces of the text, whose name
// says nothing about credentials. What the text held is still followed
// by the data flow.
func lexResult(info *types.Info, name string, e ast.Expr, i, n int) bool {
	if w := credname.Words(name); len(w) != 1 || w[0] != "tokens" && w[0] != "toks" {
		return false
	}
	fn, _ := calledFunc(info, e)
	if fn == nil {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	if res.Len() != n && n != 1 || i >= res.Len() {
		return false
	}
	s, ok := res.At(i).Type().Underlying().(*types.Slice)
	if !ok {
		return false
	}
	if b, ok := s.Elem().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	for _, w := range credname.Words(fn.Name()) {
		if lexWords[w] {
			return true
		}
	}
	return false
}

// calledFunc returns the function e calls and the call, or nil when e
// is no call of a known function.
func calledFunc(info *types.Info, e ast.Expr) (*types.Func, *ast.CallExpr) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn, call
}
