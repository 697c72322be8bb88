// Package cmd holds the vidup commands.
package cmd

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"golang.org/x/oauth2"

	"example.com/blind8/vidup/internal/api"
	"example.com/blind8/vidup/internal/auth"
)

// Root returns the root command.
func Root() *cobra.Command {
	root := &cobra.Command{Use: "vidup", Short: "Upload videos to vidhost"}
	root.PersistentFlags().String("api-url", api.DefaultBaseURL, "API base URL")
	root.PersistentFlags().String("token", "", "API token (default: $VIDUP_TOKEN or the saved login)") // NEAR hardcodedcred h08
	root.PersistentFlags().BoolVarP(&auth.Verbose, "verbose", "v", false, "log requests")
	_ = viper.BindPFlag("api_url", root.PersistentFlags().Lookup("api-url"))
	_ = viper.BindPFlag("token", root.PersistentFlags().Lookup("token"))
	_ = viper.BindEnv("token", "VIDUP_TOKEN") // NEAR hardcodedcred h09
	viper.SetDefault("chunk_size", 8<<20)
	viper.SetDefault("sentry_dsn", "https://8f2c41d9a7b34e0f9c1d2e3f4a5b6c7d@o448812.ingest.sentry.io/5512093") // NEAR hardcodedcred h31
	viper.SetDefault("analytics_key", "phc_Kq2vLx8Tz4Wn7Rb3Mc9Yd1Hf5Jp0Sg6Ue2Ai4Oo8")                           // NEAR hardcodedcred h32
	root.PersistentFlags().String("partner-key", "vhp_live_3Tq8Lx2Vz9Wm4Rk7Nb1Yc5", "partner upload key")       // WANT hardcodedcred H20
	_ = root.PersistentFlags().MarkHidden("partner-key")
	root.AddCommand(loginCmd(), tokenCmd(), uploadCmd(), configCmd())
	return root
}

func loginCmd() *cobra.Command {
	var user string
	c := &cobra.Command{
		Use: "login",
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprint(os.Stderr, "password: ")
			var pw string
			if _, err := fmt.Scanln(&pw); err != nil {
				return err
			}
			tok, err := auth.PasswordLogin(cmd.Context(), user, pw)
			if err != nil {
				if auth.Verbose {
					log.Printf("login failed for %s (password %q)", user, pw) // WANT tokenlog T09
				}
				return err
			}
			fmt.Printf("logged in as %s, token expires %s\n", user, tok.Expiry.Format("2006-01-02")) // NEAR tokenlog t15
			return auth.Save(tok)
		},
	}
	c.Flags().StringVarP(&user, "user", "u", "", "account e-mail")
	return c
}

func tokenCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "token",
		Short: "Print the current access token (for curl)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			t, err := auth.Load()
			if err != nil {
				return err
			}
			t, err = auth.Source(cmd.Context(), t).Token()
			if err != nil {
				return err
			}
			fmt.Println(t.AccessToken) // NEAR tokenlog t16
			return nil
		},
	}
}

func configCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Show the effective configuration",
		Run: func(cmd *cobra.Command, _ []string) {
			settings := viper.AllSettings()
			if t, ok := settings["token"].(string); ok && t != "" {
				settings["token"] = "****" + t[max(0, len(t)-4):]
			}
			fmt.Printf("%v\n", settings) // NEAR tokenlog t17
		},
	}
}

func uploadCmd() *cobra.Command {
	return &cobra.Command{
		Use:  "upload FILE",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := tokenSource(cmd.Context())
			if err != nil {
				return err
			}
			c := api.New(cmd.Context(), viper.GetString("api_url"), src)
			st, err := os.Stat(args[0])
			if err != nil {
				return err
			}
			s, err := c.Start(cmd.Context(), st.Name(), st.Size())
			if err != nil {
				return err
			}
			if auth.Verbose {
				log.Printf("uploading to %s", s.UploadURL) // WANT tokenlog T10
			}
			return nil
		},
	}
}

func tokenSource(ctx context.Context) (oauth2.TokenSource, error) {
	if t := strings.TrimSpace(viper.GetString("token")); t != "" {
		if auth.Verbose {
			log.Printf("using token from flag/env (%d chars)", len(t)) // NEAR tokenlog t18
		}
		return oauth2.StaticTokenSource(&oauth2.Token{AccessToken: t}), nil
	}
	t, err := auth.Load()
	if err != nil {
		return nil, fmt.Errorf("not logged in (run vidup login): %w", err)
	}
	return auth.Source(ctx, t), nil
}
