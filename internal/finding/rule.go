package finding

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Precision values, as GitHub code scanning reads them.
const (
	PrecisionVeryHigh = "very-high"
	PrecisionHigh     = "high"
	PrecisionMedium   = "medium"
	PrecisionLow      = "low"
)

// Rule is the metadata of one rule. It is written once, beside the
// analyzer or scanner that reports the rule, and rendered by `authvet
// rules`, the SARIF rule objects and the README.
type Rule struct {
	// ID is "<analyzer>" or "<analyzer>/<sub-rule>", e.g. "plainhttp/url".
	ID string `json:"id"`
	// Short is a one-line description, lower case, no final period.
	Short string `json:"shortDescription"`
	// Full is a paragraph: what is flagged and why it matters.
	Full string `json:"fullDescription"`
	// Help is Markdown with a bad and a good example and what is left
	// alone on purpose.
	Help string `json:"help"`
	// Level is the default level of the rule's findings.
	Level Level `json:"defaultLevel"`
	// CWE lists CWE ids, e.g. "CWE-319".
	CWE []string `json:"cwe,omitempty"`
	// SecuritySeverity is GitHub's 0–10 score.
	SecuritySeverity float64 `json:"securitySeverity"`
	// Precision is one of the Precision constants.
	Precision string `json:"precision"`
	// Sensitive marks rules whose flagged line holds a secret: their
	// snippets are redacted.
	Sensitive bool `json:"sensitive,omitempty"`
	// CodeFlow says the analyzer's related information is the path a
	// value takes from its source to the sink, in order; drivers turn it
	// into a SARIF code flow rather than related locations.
	CodeFlow bool `json:"codeFlow,omitempty"`
	// HelpURI links to further documentation, if any.
	HelpURI string `json:"helpUri,omitempty"`
}

// Validate checks a rule's metadata for the fields every output needs.
func (r *Rule) Validate() error {
	switch {
	case r.ID == "":
		return fmt.Errorf("rule has no id")
	case r.Short == "" || r.Full == "" || r.Help == "":
		return fmt.Errorf("rule %s: short, full and help are required", r.ID)
	case r.Level.Rank() < 0:
		return fmt.Errorf("rule %s: bad level %q", r.ID, r.Level)
	case r.SecuritySeverity < 0 || r.SecuritySeverity > 10:
		return fmt.Errorf("rule %s: security severity %v not in 0–10", r.ID, r.SecuritySeverity)
	}
	switch r.Precision {
	case PrecisionVeryHigh, PrecisionHigh, PrecisionMedium, PrecisionLow:
	default:
		return fmt.Errorf("rule %s: bad precision %q", r.ID, r.Precision)
	}
	return nil
}

// Tags returns the rule's SARIF tags: "security" and one
// "external/cwe/cwe-N" per CWE.
func (r *Rule) Tags() []string {
	tags := []string{"security"}
	for _, c := range r.CWE {
		n := strings.TrimPrefix(strings.ToUpper(c), "CWE-")
		tags = append(tags, "external/cwe/cwe-"+n)
	}
	return tags
}

// Catalogue is a set of rules indexed by id. It is safe for concurrent
// use.
type Catalogue struct {
	mu    sync.RWMutex
	rules map[string]Rule
}

// NewCatalogue returns a catalogue holding rules. A duplicate or invalid
// rule is an error.
func NewCatalogue(rules ...[]Rule) (*Catalogue, error) {
	c := &Catalogue{rules: make(map[string]Rule)}
	for _, rs := range rules {
		for _, r := range rs {
			if err := c.Add(r); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

// Add adds a rule; adding an id twice is an error.
func (c *Catalogue) Add(r Rule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, dup := c.rules[r.ID]; dup {
		return fmt.Errorf("rule %s defined twice", r.ID)
	}
	c.rules[r.ID] = r
	return nil
}

// Lookup returns the rule with the given id.
func (c *Catalogue) Lookup(id string) (Rule, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	r, ok := c.rules[id]
	return r, ok
}

// All returns every rule, sorted by id.
func (c *Catalogue) All() []Rule {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]Rule, 0, len(c.rules))
	for _, r := range c.rules {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
