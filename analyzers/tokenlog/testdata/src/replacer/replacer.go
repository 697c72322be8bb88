// Package replacer fills templates with strings.Replacer: a template
// filled with a credential holds it; a replacer that takes the
// credential out masks it; a template filled with other values holds
// none.
package replacer

import (
	"log"
	"os"
	"strings"
)

type installer struct {
	tokenPath string
	template  string
	confDir   string
}

// The node's service-account token substituted into a config that is
// then logged.
func (c *installer) prepare() (string, error) {
	token, err := os.ReadFile(c.tokenPath)
	if err != nil {
		return "", err
	}
	conf := strings.NewReplacer(
		"__CONF_DIR__", c.confDir,
		"__SERVICEACCOUNT_TOKEN__", string(token),
	).Replace(c.template)
	log.Printf("config after replacement: %s", conf) // want `token in variable token reaches log.Printf`
	return conf, nil
}

// The same through a replacer kept in a variable.
func fill(tmpl, apiKey string) {
	r := strings.NewReplacer("{{key}}", apiKey)
	log.Println(r.Replace(tmpl)) // want `API key in parameter apiKey reaches log.Println`
}

// Silent: the replacer takes the password out of the command.
func run(cmd, password string) {
	line := cmd + " --password " + password
	log.Printf("running %s", strings.NewReplacer(password, "******").Replace(line))
}

// Silent: a template filled with values that are no credential.
func paths(tmpl, dir string) {
	log.Printf("conf: %s", strings.NewReplacer("__DIR__", dir, "__MODE__", "prod").Replace(tmpl))
}
