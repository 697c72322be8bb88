// Command vidup uploads videos to vidhost.
package main

import (
	"os"

	"example.com/blind8/vidup/internal/cmd"
)

func main() {
	if err := cmd.Root().Execute(); err != nil {
		os.Exit(1)
	}
}
