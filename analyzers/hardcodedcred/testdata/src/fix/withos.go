package fix

import (
	"fmt"
	"net/http"
	"os"
)

var stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc" // want `Stripe credential matching gitleaks rule stripe-access-token`

func printHome() { fmt.Println(os.Getenv("HOME"), stripeKey) }

func call(h http.Header) {
	// A known-format key in a header keeps its scheme and is named after
	// the header.
	h.Set("Authorization", "Bearer ghp_R7aXk2Qm9LpZ4vT8wYc1Nb6Hd3Jf5Ge0Us2i") // want `GitHub credential matching gitleaks rule github-pat`
}
