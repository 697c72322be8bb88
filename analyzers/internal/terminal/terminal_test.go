package terminal

import (
	"go/token"
	"go/types"
	"testing"
)

func TestOf(t *testing.T) {
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	fn := func(path, name string) *types.Func {
		return types.NewFunc(token.NoPos, types.NewPackage(path, "p"), name, sig)
	}
	method := func(path, recv, name string, ptr bool) *types.Func {
		pkg := types.NewPackage(path, "p")
		named := types.NewNamed(types.NewTypeName(token.NoPos, pkg, recv, nil), types.NewStruct(nil, nil), nil)
		var rt types.Type = named
		if ptr {
			rt = types.NewPointer(named)
		}
		r := types.NewVar(token.NoPos, pkg, "r", rt)
		return types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(r, nil, nil, nil, nil, false))
	}
	for _, c := range []struct {
		fn   *types.Func
		want Kind
	}{
		{fn("golang.org/x/term", "ReadPassword"), Answer},
		{fn("example.com/app/vendor/golang.org/x/term", "ReadPassword"), Answer},
		{fn("golang.org/x/term", "MakeRaw"), None},
		{method("github.com/manifoldco/promptui", "Prompt", "Run", true), Answer},
		{fn("github.com/manifoldco/promptui", "Run"), None},
		{method("github.com/erikgeiser/promptkit/textinput", "TextInput", "RunPrompt", true), Answer},
		{fn("github.com/howeyc/gopass", "GetPasswdMasked"), Answer},
		{fn("fmt", "Scanln"), Fill},
		{fn("fmt", "Sscan"), None},
		{fn("bufio", "NewScanner"), Wrap},
		{fn("bufio", "NewWriter"), None},
		{nil, None},
	} {
		if got := Of(c.fn); got != c.want {
			t.Errorf("Of(%v) = %v, want %v", c.fn, got, c.want)
		}
	}
	if !LineRead(method("bufio", "Reader", "ReadString", true)) || !LineRead(method("bufio", "Scanner", "Text", true)) {
		t.Error("LineRead misses bufio's line reads")
	}
	if LineRead(method("bufio", "Writer", "WriteString", true)) || LineRead(fn("bufio", "ReadString")) {
		t.Error("LineRead takes what is no line read")
	}
	os := types.NewPackage("os", "os")
	if !Stdin(types.NewVar(token.NoPos, os, "Stdin", nil)) || Stdin(types.NewVar(token.NoPos, os, "Stdout", nil)) {
		t.Error("Stdin")
	}
}
