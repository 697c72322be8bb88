package tokenlog

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// go-pkgz/lgr's secret masker.
//
// lgr.Setup(lgr.Secret(token, password)) makes the logger replace every
// occurrence of the values it is given by "******" in what it writes, and
// lgr.SetupStdLogger does the same for the standard logger. A program that
// installs the masker has decided which of its configured secrets the log
// may not show (tg-spam masks its bot token, OpenAI key, web password and
// encryption key before it dumps its settings): on its lgr calls, and its
// standard-log calls when it also routes the standard logger through lgr,
// a credential read from a field (a setting) or a struct printed whole is
// left alone. A credential the program makes at run time (a generated
// password in a local variable, which tg-spam leaves unmasked on purpose
// to show it) is reported as before, and so is what a caller hands a
// logging helper. Which values the masker holds is decided at run time,
// so this trusts the program's own list for its settings; a program
// without the masker is judged as any other.

const lgrPath = "github.com/go-pkgz/lgr"

// lgrMasks reports whether the package installs lgr's secret masker:
// it calls lgr.Secret (and, for the standard logger, std, also calls
// lgr.SetupStdLogger).
func (st *pkgState) lgrMasks(std bool) bool {
	if st.lgrMask == 0 {
		st.lgrMask = 1
		secret, stdSetup := false, false
		for _, fn := range st.ssaFuncs {
			for _, in := range instrs(fn.Blocks) {
				call, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := credsrc.Callee(call.Common())
				if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != lgrPath {
					continue
				}
				switch callee.Name() {
				case "Secret":
					secret = true
				case "SetupStdLogger":
					stdSetup = true
				}
			}
		}
		switch {
		case secret && stdSetup:
			st.lgrMask = 3
		case secret:
			st.lgrMask = 2
		}
	}
	if std {
		return st.lgrMask == 3
	}
	return st.lgrMask >= 2
}

// configuredSecret reports whether a leak's credential is a setting: a
// struct printed whole, or a value read from a field.
func configuredSecret(tr *trace) bool {
	return tr.carrier != nil || strings.Contains(tr.src.Desc, " in field ")
}
