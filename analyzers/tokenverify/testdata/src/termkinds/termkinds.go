// Package termkinds: every kind of terminal read of the shared table
// (internal/terminal) as tokenverify judges it. What the user types at
// the terminal is the user's own input, not a stored secret: compared
// with a second typed copy it checks a retype. A line read from a bufio
// reader or scanner on os.Stdin is such a read; a reader on a file is a
// stored value. A value read at the terminal is what a server was given
// when the other side comes from a network request: still reported.
// fmt.Scan fills a variable through a pointer, which is never a stored
// value. What the user types compared with a stored or configured
// value is still reported: the stored side decides.
package termkinds

import (
	"bufio"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/bgentry/speakeasy"
	"github.com/howeyc/gopass"
	"golang.org/x/term"
)

var errMismatch = errors.New("passwords do not match")

type config struct {
	AdminPassword string
}

// Near miss: a password retyped on a bufio reader on os.Stdin against
// the first one typed.
func confirmLine(password string) error {
	r := bufio.NewReader(os.Stdin)
	fmt.Print("Retype password: ")
	retypedPassword, _ := r.ReadString('\n')
	retypedPassword = strings.TrimSpace(retypedPassword)
	if retypedPassword != password {
		return errMismatch
	}
	return nil
}

// Near miss: the same with a scanner on os.Stdin.
func confirmScanner(password string) error {
	s := bufio.NewScanner(os.Stdin)
	s.Scan()
	confirmPassword := s.Text()
	if password != confirmPassword {
		return errMismatch
	}
	return nil
}

// Near miss: the reader made in the same expression.
func confirmInline(newPassword string) bool {
	againPassword, _ := bufio.NewReaderSize(os.Stdin, 64).ReadString('\n')
	return againPassword == newPassword
}

// Near miss: fmt.Scanln fills the retyped copy.
func confirmScan(password string) error {
	var retypedPassword string
	_, _ = fmt.Scanln(&retypedPassword)
	if retypedPassword != password {
		return errMismatch
	}
	return nil
}

// Near miss: a password read without echo with gopass, retyped with
// speakeasy.
func confirmGopass(password string) error {
	first, _ := gopass.GetPasswdMasked()
	if string(first) != password {
		return errMismatch
	}
	retypedPassword, _ := speakeasy.Ask("Again: ")
	if retypedPassword != password {
		return errMismatch
	}
	return nil
}

// Positive: a reader on a file holds a stored password.
func checkFile(f *os.File, password string) error {
	r := bufio.NewReader(f)
	storedPassword, _ := r.ReadString('\n')
	if password != storedPassword { // want `password in variable password compared with !=`
		return errMismatch
	}
	return nil
}

// Positive: a password scanned at the terminal against the configured
// admin password.
func unlockScan(cfg *config) error {
	var input string
	_, _ = fmt.Scanln(&input)
	return checkAdmin(cfg, input)
}

func checkAdmin(cfg *config, input string) error {
	if input != cfg.AdminPassword { // want `password in field AdminPassword compared with !=`
		return errMismatch
	}
	return nil
}

// Positive: a server given its token on stdin (piped, not typed) checks
// a query parameter of each request against it.
func serveWithToken() {
	r := bufio.NewReader(os.Stdin)
	apiToken, _ := r.ReadString('\n')
	http.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Query().Get("t") != apiToken { // want `token in variable apiToken compared with !=`
			w.WriteHeader(http.StatusUnauthorized)
		}
	})
}

// Positive: a server asks the operator for the admin password at start
// and checks a form value of each request against it.
func serveWithPrompt() {
	adminPassword, _ := term.ReadPassword(int(os.Stdin.Fd()))
	http.HandleFunc("/admin", func(w http.ResponseWriter, req *http.Request) {
		if req.FormValue("pass") != string(adminPassword) { // want `password in variable adminPassword compared with !=`
			w.WriteHeader(http.StatusUnauthorized)
		}
	})
}
