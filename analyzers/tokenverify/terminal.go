package tokenverify

import "go/types"

// terminalReaders are the functions and methods, by package path, that
// return what the user types at the terminal: a prompt's answer or a
// password read without echo. Such a value is the local user's own
// input, not a stored or configured secret, so a comparison of two of
// them (a password and its retyped copy, as photoprism's `users add`
// command asks for) checks a retype, not a credential. What the user
// types compared with a stored value is still reported: the stored
// side decides.
var terminalReaders = map[string]map[string]bool{
	"github.com/manifoldco/promptui":            {"Prompt.Run": true, "Select.Run": true},
	"golang.org/x/term":                         {"ReadPassword": true},
	"golang.org/x/crypto/ssh/terminal":          {"ReadPassword": true},
	"github.com/howeyc/gopass":                  {"GetPasswd": true, "GetPasswdMasked": true, "GetPasswdPrompt": true},
	"github.com/bgentry/speakeasy":              {"Ask": true, "FAsk": true},
	"github.com/Songmu/prompter":                {"Password": true, "Prompt": true, "Prompter.Prompt": true},
	"github.com/erikgeiser/promptkit/textinput": {"TextInput.RunPrompt": true},
}

// terminalRead reports whether fn returns what the user typed at the
// terminal (terminalReaders).
func terminalRead(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	names := terminalReaders[fn.Pkg().Path()]
	if names == nil {
		return false
	}
	if r := recvName(fn); r != "" {
		return names[r+"."+fn.Name()]
	}
	return names[fn.Name()]
}
