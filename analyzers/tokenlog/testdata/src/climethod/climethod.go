// Package climethod holds commands kept in structs: the body is a
// method stored as a bound method value (RunE: c.run), it hands its
// work to other methods of the struct, and function literals it makes
// (a visitor's callbacks) print as it runs. What they print to stdout
// is the command's output; a method also called from other code,
// exported, named by an interface call, stored in a hook, an HTTP
// handler literal, a literal of a serving body and a log are still
// reported.
package climethod

import (
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/spf13/cobra"
)

var apiKey = os.Getenv("API_KEY")

func fetchSecret() string { return os.Getenv("WEBHOOK_SECRET") }

type listenCmd struct {
	cmd       *cobra.Command
	printOnly bool
}

func newListenCmd() *listenCmd {
	lc := &listenCmd{}
	lc.cmd = &cobra.Command{Use: "listen", RunE: lc.runListen}
	return lc
}

// Silent: the bound method is the command's body (--print-secret).
func (lc *listenCmd) runListen(cmd *cobra.Command, args []string) error {
	if lc.printOnly {
		secret := fetchSecret()
		fmt.Printf("%s\n", secret)
		return nil
	}
	v := lc.visitor()
	v.onEvent("evt_1")
	lc.show()
	return nil
}

type visitor struct {
	onEvent func(id string)
}

// Silent: a callback made by a delegate method prints while the
// command runs.
func (lc *listenCmd) visitor() *visitor {
	return &visitor{onEvent: func(id string) {
		fmt.Println("event", id, "secret", fetchSecret())
	}}
}

// Silent: an unexported method only the body calls.
func (lc *listenCmd) show() {
	fmt.Printf("Secret key: %s\n", apiKey)
}

type createCmd struct{ cmd *cobra.Command }

func newCreateCmd() *createCmd {
	cc := &createCmd{}
	cc.cmd = &cobra.Command{Use: "create"}
	cc.cmd.RunE = cc.run
	return cc
}

// Silent: a literal made in the bound body.
func (cc *createCmd) run(cmd *cobra.Command, args []string) error {
	each := func(n int) { fmt.Println("key", n, apiKey) }
	each(1)
	return nil
}

// Near misses, still reported.

type hookCmd struct{ cmd *cobra.Command }

func newHookCmd() *hookCmd {
	hc := &hookCmd{}
	hc.cmd = &cobra.Command{Use: "hook", PreRun: hc.pre, Run: func(*cobra.Command, []string) {}}
	return hc
}

// Reported: the bound method is a hook, not the body.
func (hc *hookCmd) pre(cmd *cobra.Command, args []string) {
	fmt.Println(apiKey) // want `reaches fmt.Println`
}

type sharedCmd struct{ cmd *cobra.Command }

func newSharedCmd() *sharedCmd {
	sc := &sharedCmd{}
	sc.cmd = &cobra.Command{Use: "shared", RunE: sc.run}
	return sc
}

// Reported: the body is also called directly by a handler.
func (sc *sharedCmd) run(cmd *cobra.Command, args []string) error {
	fmt.Println(apiKey) // want `reaches fmt.Println`
	return nil
}

func sharedHandler(w http.ResponseWriter, r *http.Request) {
	sc := &sharedCmd{}
	_ = sc.run(nil, nil)
}

type exportCmd struct{ cmd *cobra.Command }

func newExportCmd() *exportCmd {
	ec := &exportCmd{}
	ec.cmd = &cobra.Command{Use: "export", RunE: ec.run}
	return ec
}

func (ec *exportCmd) run(cmd *cobra.Command, args []string) error {
	ec.Print()
	ec.say()
	return nil
}

// Reported: an exported method has callers out of sight.
func (ec *exportCmd) Print() {
	fmt.Println(apiKey) // want `reaches fmt.Println`
}

type sayer interface{ say() }

// Reported: an interface call of the package names the method.
func (ec *exportCmd) say() {
	fmt.Println(apiKey) // want `reaches fmt.Println`
}

func speak(s sayer) { s.say() }

type serveCmd struct{ cmd *cobra.Command }

func newServeCmd() *serveCmd {
	sv := &serveCmd{}
	sv.cmd = &cobra.Command{Use: "serve", RunE: sv.run}
	return sv
}

// Reported: literals of a body that serves, and an HTTP handler literal.
func (sv *serveCmd) run(cmd *cobra.Command, args []string) error {
	tick := func() { fmt.Println("key", apiKey) } // want `reaches fmt.Println`
	tick()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("key", apiKey) // want `reaches fmt.Println`
	})
	return http.ListenAndServe(":8080", nil)
}

type tableCmd struct{ cmd *cobra.Command }

func newTableCmd() *tableCmd {
	tc := &tableCmd{}
	tc.cmd = &cobra.Command{Use: "table", RunE: tc.run}
	return tc
}

func (tc *tableCmd) run(cmd *cobra.Command, args []string) error {
	tc.dump()
	log.Println("key", apiKey) // want `reaches log.Println`
	return nil
}

// Reported: the method is also used as a value.
func (tc *tableCmd) dump() {
	fmt.Println(apiKey) // want `reaches fmt.Println`
}

var dumpers = []func(){(&tableCmd{}).dump}
