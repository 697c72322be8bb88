package lint

import (
	"go/scanner"
	"go/token"
	"strings"

	"github.com/authvet/authvet/internal/finding"
)

// RedactLiterals hides the contents of every string literal on a line of
// Go source, keeping its first characters and length: the line of a
// hard-coded credential is shown without the credential. A literal that
// does not end on the line (a raw string spanning lines) is hidden from
// its opening quote on.
func RedactLiterals(line string) string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(line)
	file := fset.AddFile("", fset.Base(), len(src))
	broken := -1
	s.Init(file, src, func(pos token.Position, msg string) {
		if broken < 0 {
			broken = pos.Offset
		}
	}, scanner.ScanComments)
	type span struct{ start, end int }
	var spans []span
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.STRING || tok == token.CHAR || tok == token.COMMENT {
			off := file.Offset(pos)
			spans = append(spans, span{off, off + len(lit)})
		}
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp.end > len(line) {
			sp.end = len(line)
		}
		if sp.start < last {
			continue
		}
		b.WriteString(line[last:sp.start])
		lit := line[sp.start:sp.end]
		b.WriteString(redactLiteral(lit))
		last = sp.end
	}
	rest := line[last:]
	if i := strings.IndexAny(rest, "\"`'"); i >= 0 {
		// An unterminated literal: hide everything after its quote.
		b.WriteString(rest[:i+1])
		b.WriteString(finding.Redact(rest[i+1:]))
	} else {
		b.WriteString(rest)
	}
	return b.String()
}

func redactLiteral(lit string) string {
	if strings.HasPrefix(lit, "//") || strings.HasPrefix(lit, "/*") {
		// A comment may quote the secret too.
		return lit[:2] + " " + finding.Redact(strings.TrimSpace(lit[2:]))
	}
	if len(lit) < 2 {
		return lit
	}
	q := lit[:1]
	if !strings.HasSuffix(lit[1:], q) {
		// Unterminated on this line: a raw string that goes on below.
		return q + finding.Redact(lit[1:])
	}
	body := lit[1 : len(lit)-1]
	if body == "" {
		return lit
	}
	return q + finding.Redact(body) + q
}
