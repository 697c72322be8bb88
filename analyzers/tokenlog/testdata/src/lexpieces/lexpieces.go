// Package lexpieces: the pieces of a split text are named tokens by
// lexers and line parsers; the name says nothing about credentials.
// Whether they hold one follows from what was split: the pieces of an
// Authorization header, and an element named like a credential, are
// still reported.
package lexpieces

import (
	"bufio"
	"log"
	"net/http"
	"os"
	"regexp"
	"strings"
)

var sep = regexp.MustCompile(`\s*,\s*`)

func readLines(path string) { // want readLines:`tokenlog\(path params \[0\]\)`
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		tokens := strings.Fields(sc.Text())
		log.Printf("bad line: %q", tokens) // silent: pieces of a config line
		tokens = strings.SplitN(sc.Text(), "=", 2)
		log.Printf("bad pair: %v", tokens) // silent: pieces of a config line
		secrets := sep.Split(sc.Text(), -1)
		log.Printf("list: %v", secrets) // silent: pieces of a line, whatever the name
	}
}

func header(r *http.Request, line string) {
	tokens := strings.Fields(r.Header.Get("Authorization"))
	log.Printf("auth parts: %v", tokens) // want `Authorization header reaches log.Printf`
	parts := strings.Split(line, ":")
	token := parts[1]
	log.Printf("token %s", token) // want `token in variable token reaches log.Printf`
	tokens2 := strings.Fields(line)
	log.Printf("fields %d: %v", len(tokens2), tokens2[0]) // silent: a piece of a line
}

// tokenise makes a name safe for a message subject.
func tokenise(name string) string { return strings.ReplaceAll(name, ".", "_") }

// A name made safe by a tokenizer is no credential; a credential handed
// to one still is.
func subjects(r *http.Request, serviceID string) {
	token := tokenise(serviceID)
	log.Printf("consumer %s", token) // silent: a tokenized service id
	authToken := tokenise(r.Header.Get("Authorization"))
	log.Printf("consumer %s", authToken) // want `Authorization header reaches log.Printf`
}

// parseCommandLine cuts a command line into words.
func parseCommandLine(line string) ([]string, bool) { return strings.Fields(line), true }

// fetchTokens returns the API tokens of an account.
func fetchTokens(account string) ([]string, error) { return []string{account}, nil }

// The words of a command line cut by a helper of the program are no
// credentials; a list of tokens a fetcher returns still is.
func shell(line string) {
	tokens, _ := parseCommandLine(line)
	if len(tokens) > 0 {
		log.Printf("unknown command: %v", tokens[0]) // silent: a word of a command line
	}
}

func account() {
	tokens, _ := fetchTokens("acct")
	log.Printf("tokens: %v", tokens) // want `token in variable tokens reaches log.Printf`
}

// evalPostfix evaluates an amount expression's tokens: a token compared
// with an operator is a piece of the expression, not a credential
// (ezbookkeeping's evaluatePostfixExpr).
func evalPostfix(tokens []string) (int, bool) {
	n := 0
	for i := 0; i < len(tokens); i++ {
		switch tokens[i] {
		case "+", "-":
			if n < 2 {
				log.Printf("cannot evaluate %q: not enough operands", strings.Join(tokens, " ")) // silent: the tokens of an expression
				return 0, false
			}
		default:
			n++
		}
	}
	return n, true
}

// Near miss: a list of tokens compared with a word is judged by its name.
func revoke(tokens []string) {
	for i := 0; i < len(tokens); i++ {
		if tokens[i] == "revoked" {
			log.Printf("revoking %v", tokens) // want `token in parameter tokens reaches log.Printf`
		}
	}
}
