package clidelegate

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

// withSignal is an adapter that wraps a literal of another signature
// into a command's Run (argo-cd's cli.WithSignalContext).
func withSignal(f func(*cobra.Command, []string, context.CancelFunc)) func(*cobra.Command, []string) {
	return func(c *cobra.Command, args []string) {
		f(c, args, func() {})
	}
}

type Cluster struct {
	Name     string
	Password string
}

func fetchClusters() []Cluster { return []Cluster{{Name: "in-cluster", Password: signingKey}} }

// printList prints what it is given as JSON: a helper that commands and
// other code share (argo-cd's PrintResourceList).
func printList(v any) {
	b, _ := json.Marshal(v)
	fmt.Println(string(b))
}

// Near miss: the literal the adapter wraps is the command's body; the
// list it prints through the shared helper is the command's output.
func clusterGetCmd() *cobra.Command {
	return &cobra.Command{
		Use: "cluster get",
		Run: withSignal(func(c *cobra.Command, args []string, _ context.CancelFunc) {
			printList(fetchClusters())
		}),
	}
}

// The helper's other caller is no command: its flow is reported.
func dumpClusters() {
	printList(fetchClusters()) // want `secret in package variable signingKey returned by fetchClusters reaches fmt.Println via printList`
}

// The adapter's result used as a hook is no command's body: reported.
func clusterHookCmd() *cobra.Command {
	return &cobra.Command{
		Use: "cluster hook",
		PreRun: withSignal(func(c *cobra.Command, args []string, _ context.CancelFunc) {
			fmt.Println(fetchClusters()[0].Password) // want `password in field Password`
		}),
	}
}

// Near miss: a delegate four calls below the command's body (a command
// calling run, which calls show, which calls format, which prints).
func deepCmd() *cobra.Command {
	return &cobra.Command{
		Use: "deep",
		Run: func(c *cobra.Command, args []string) { deepRun() },
	}
}

func deepRun()  { deepShow() }
func deepShow() { deepFormat() }
func deepFormat() {
	deepPrint()
}
func deepPrint() { fmt.Println(fetchClusters()[0].Password) }

var _, _, _, _ = clusterGetCmd, dumpClusters, clusterHookCmd, deepCmd
