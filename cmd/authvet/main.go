// Command authvet finds leaked API credentials and missing authorization
// in Go code: hard-coded keys, plain-HTTP API traffic, tokens in logs,
// handlers without scope checks, weak token verification and secrets in
// git history.
//
// Run 'authvet help' for the commands. authvet is also a go vet tool:
//
//	go vet -vettool=$(command -v authvet) ./...
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/authvet/authvet/internal/cli"
)

func main() {
	if isVetInvocation(os.Args[1:]) {
		if slices.Contains(os.Args[1:], "-V=full") {
			// The tool id go vet caches results under covers the
			// config file too.
			if err := cli.VetVersion(os.Stdout); err != nil {
				fmt.Fprintf(os.Stderr, "authvet: %v\n", err)
				os.Exit(cli.ExitError)
			}
			os.Exit(0)
		}
		// go vet speaks its own protocol (-V=full, -flags, a .cfg file
		// per package); hand it to unitchecker before pflag sees it.
		// The analyzers honour //authvet:ignore and the package's
		// .authvet.yml, as the CLI does.
		as, err := cli.VetAnalyzers(os.Args[1:])
		if err != nil {
			fmt.Fprintf(os.Stderr, "authvet: %v\n", err)
			os.Exit(cli.ExitError)
		}
		unitchecker.Main(as...)
	}
	// SIGTERM too: timeout(1) and CI runners cancelling a job send it
	// (GitHub's runner after SIGINT).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		// The first Ctrl-C (or SIGTERM) stops the work and lets a
		// history scan write what it read; a second one ends the
		// process at once.
		select {
		case <-ctx.Done():
			stop()
			fmt.Fprintln(os.Stderr, "authvet: interrupted; finishing the report with what was read (Ctrl-C again to quit at once)")
		case <-done:
		}
	}()
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	close(done)
	stop()
	os.Exit(code)
}

// isVetInvocation reports whether go vet is running authvet as its
// -vettool: it asks for the version (-V=full), for the flags (-flags), or
// passes a package's .cfg file.
func isVetInvocation(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
