package fix

import (
	"net/http"

	"golang.org/x/oauth2"
)

type Secret string

type Settings struct {
	APIKey     string
	SigningKey Secret
}

// Constants get no fix: os.Getenv is not a constant expression.
const webhookSecret = "Wh8Sx2Qz5Lm9Kp3R" // want `secret in const webhookSecret`

func configure(req *http.Request) {
	_ = oauth2.Config{ClientID: "web", ClientSecret: "pQ7-rT2xVb9mKw4z"} // want `client secret of oauth2.Config`
	req.Header.Set("Authorization", "Bearer x9Fq2LmZ7vKp3TnW8rYd")       // want `credential in HTTP header Authorization`
	dbPassword := "Tr0ub4dor&3x"                                         // want `password in var dbPassword`
	_ = dbPassword
	// A named string type would need a conversion: no fix.
	_ = Settings{SigningKey: "Nm4Bv6Cx8Zl0Kj2H"} // want `secret in field SigningKey`
	_ = Settings{APIKey: "Q2w9E4r7T1y6U3i8"}     // want `API key in field APIKey`
	_ = webhookSecret
}
