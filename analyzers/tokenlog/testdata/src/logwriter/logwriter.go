// Package logwriter: fmt.Fprint* to a writer that is a log's output
// (gin's DefaultWriter and DefaultErrorWriter, the standard logger's
// Writer) is a log, also when an in-house logger chooses between them
// by level; to any other writer it is not.
package logwriter

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
)

type level string

const (
	levelInfo  level = "INFO"
	levelError level = "ERR"
)

// logHelper is the in-house logger's one writer: the level picks
// gin's writer.
func logHelper(lvl level, msg string) {
	writer := gin.DefaultErrorWriter
	if lvl == levelInfo {
		writer = gin.DefaultWriter
	}
	_, _ = fmt.Fprintf(writer, "[%s] %s\n", lvl, msg)
}

func SysLog(s string)   { logHelper(levelInfo, s) }  // want SysLog:`param 0 reaches fmt.Fprintf to gin.DefaultErrorWriter via logwriter.logHelper`
func SysError(s string) { logHelper(levelError, s) } // want SysError:`param 0 reaches fmt.Fprintf to gin.DefaultErrorWriter via logwriter.logHelper`

func splitKey(r *http.Request) []string {
	apikey := r.Header.Get("X-Api-Key")
	parts := strings.Split(apikey, ".")
	if len(parts) != 2 {
		SysError("invalid key: " + apikey) // want `reaches fmt.Fprintf to gin.DefaultErrorWriter via SysError and logHelper`
		return nil
	}
	return parts
}

func direct(r *http.Request) {
	tok := r.Header.Get("Authorization")
	SysLog("auth " + tok)                              // want `reaches fmt.Fprintf`
	fmt.Fprintln(gin.DefaultErrorWriter, "auth:", tok) // want `reaches fmt.Fprintln to gin.DefaultErrorWriter`
	fmt.Fprintf(log.Writer(), "auth: %s\n", tok)       // want `reaches fmt.Fprintf to log.Writer\(\)`
	l := log.New(os.Stderr, "", 0)
	fmt.Fprint(l.Writer(), tok) // want `reaches fmt.Fprint to \(\*log.Logger\).Writer\(\)`
}

// Near misses.

func nonCredential(model string) {
	SysError("invalid model: " + model)
	SysLog(fmt.Sprintf("%d keys loaded", 3))
}

func toClient(w http.ResponseWriter, r *http.Request) {
	tok := r.Header.Get("Authorization")
	fmt.Fprintf(w, "echo %s", tok) // the response, not a log
}

func toFile(f *os.File, r *http.Request) {
	tok := r.Header.Get("Authorization")
	fmt.Fprintln(f, tok) // a file the program chose: not known to be a log
}

func mixed(useLog bool, r *http.Request) string {
	var buf bytes.Buffer
	var w io.Writer = &buf
	if useLog {
		w = gin.DefaultWriter
	}
	tok := r.Header.Get("Authorization")
	fmt.Fprint(w, tok) // a buffer on one path: not a log on every path
	return buf.String()
}

func lengthOnly(r *http.Request) {
	tok := r.Header.Get("Authorization")
	fmt.Fprintf(gin.DefaultWriter, "auth header of %d bytes\n", len(tok))
}
