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
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
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
