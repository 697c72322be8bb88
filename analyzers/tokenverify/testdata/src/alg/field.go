package alg

import "github.com/golang-jwt/jwt/v5"

// Parser options that come through a field or an interface method: the
// construction decides when the package shows it; when it cannot be
// seen the verdict is unknown, and unknown is not reported.

type api struct {
	parser *jwt.Parser
	opts   options
	key    []byte
}

type options interface {
	ParserOptions() []jwt.ParserOption
}

type leewayOnly struct{}

func (leewayOnly) ParserOptions() []jwt.ParserOption {
	return []jwt.ParserOption{jwt.WithLeeway(30)}
}

func newAPI(key []byte) *api {
	return &api{parser: jwt.NewParser(jwt.WithLeeway(30)), opts: leewayOnly{}, key: key}
}

// --- positives: the construction is visible and lacks the check ---

// The field's parser is built in newAPI without WithValidMethods.
func (a *api) parseWithField(raw string) error {
	_, err := a.parser.Parse(raw, func(t *jwt.Token) (any, error) { // want `key function passed to \(\*jwt.Parser\).Parse returns an HMAC`
		return a.key, nil
	})
	return err
}

// The options come from the package's only implementation of an
// interface method, which sets no WithValidMethods.
func (a *api) parseWithIfaceOptions(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `key function passed to jwt.Parse returns an HMAC`
		return a.key, nil
	}, a.opts.ParserOptions()...)
	return err
}

// --- near misses ---

// A parser field the package never builds (set by another package):
// unknown, silent.
type handler struct {
	Parser *jwt.Parser
	Key    []byte
}

func (h *handler) parse(raw string) error {
	_, err := h.Parser.Parse(raw, func(t *jwt.Token) (any, error) { return h.Key, nil })
	return err
}

// Options from an interface with no implementation in the package:
// unknown, silent.
type remoteOptions interface {
	RemoteParserOptions() []jwt.ParserOption
}

func parseRemote(raw string, o remoteOptions, key []byte) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil }, o.RemoteParserOptions()...)
	return err
}

// An implementation that pins the methods: silent.
type pinnedOptions interface {
	Options() []jwt.ParserOption
}

type hs256Only struct{}

func (hs256Only) Options() []jwt.ParserOption {
	return []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256"})}
}

func parsePinnedIface(raw string, o pinnedOptions, key []byte) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil }, o.Options()...)
	return err
}

// A zero-value parser declared in the function: visible, no check.
func zeroParser(raw string, key []byte) error {
	var p jwt.Parser
	_, err := p.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil }) // want `returns an HMAC`
	return err
}
