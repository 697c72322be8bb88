package gitleaksrules

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
	"github.com/zricethezav/gitleaks/v8/config"

	"github.com/authvet/authvet/internal/finding"
)

// RulePrefix is the authvet rule id prefix of gitleaks rules.
const RulePrefix = "secret/"

// RuleID returns the authvet rule id of a gitleaks rule id.
func RuleID(gitleaksID string) string { return RulePrefix + gitleaksID }

// Provider is the issuer of a kind of key and where to revoke or rotate it.
type Provider struct {
	Name string
	// RotateURL is the provider's page on revoking or rotating the key;
	// empty where authvet does not know one.
	RotateURL string
	// EnvVar is a conventional environment variable name for the key,
	// used in help examples.
	EnvVar string
	// Holder marks a format that holds other services' credentials
	// (a Kubernetes Secret's data) rather than one the provider issues:
	// they are rotated with the services that issued them.
	Holder bool
}

// providers maps a gitleaks rule id prefix (the part before the first
// dash, or a longer dash-separated prefix) to the key's provider. Only
// pages known to describe revoking or rotating the key are linked.
var providers = map[string]Provider{
	"1password":          {Name: "1Password", RotateURL: "https://support.1password.com/secret-key/", EnvVar: "OP_SERVICE_ACCOUNT_TOKEN"},
	"adafruit":           {Name: "Adafruit IO", EnvVar: "ADAFRUIT_IO_KEY"},
	"adobe":              {Name: "Adobe", EnvVar: "ADOBE_CLIENT_SECRET"},
	"age":                {Name: "age (file encryption)", EnvVar: "AGE_SECRET_KEY"},
	"airtable":           {Name: "Airtable", RotateURL: "https://airtable.com/create/tokens", EnvVar: "AIRTABLE_TOKEN"},
	"algolia":            {Name: "Algolia", EnvVar: "ALGOLIA_API_KEY"},
	"alibaba":            {Name: "Alibaba Cloud", RotateURL: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair", EnvVar: "ALIBABA_CLOUD_ACCESS_KEY_SECRET"},
	"anthropic":          {Name: "Anthropic", RotateURL: "https://console.anthropic.com/settings/keys", EnvVar: "ANTHROPIC_API_KEY"},
	"artifactory":        {Name: "JFrog Artifactory", EnvVar: "ARTIFACTORY_API_KEY"},
	"asana":              {Name: "Asana", EnvVar: "ASANA_CLIENT_SECRET"},
	"atlassian":          {Name: "Atlassian", RotateURL: "https://id.atlassian.com/manage-profile/security/api-tokens", EnvVar: "ATLASSIAN_API_TOKEN"},
	"authress":           {Name: "Authress", EnvVar: "AUTHRESS_ACCESS_KEY"},
	"aws":                {Name: "AWS", RotateURL: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console", EnvVar: "AWS_SECRET_ACCESS_KEY"},
	"azure":              {Name: "Microsoft Entra ID (Azure AD)", RotateURL: "https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials", EnvVar: "AZURE_CLIENT_SECRET"},
	"beamer":             {Name: "Beamer", EnvVar: "BEAMER_API_KEY"},
	"bitbucket":          {Name: "Bitbucket", EnvVar: "BITBUCKET_CLIENT_SECRET"},
	"bittrex":            {Name: "Bittrex", EnvVar: "BITTREX_API_SECRET"},
	"cisco":              {Name: "Cisco Meraki", EnvVar: "MERAKI_DASHBOARD_API_KEY"},
	"clickhouse":         {Name: "ClickHouse Cloud", EnvVar: "CLICKHOUSE_API_SECRET"},
	"clojars":            {Name: "Clojars", EnvVar: "CLOJARS_DEPLOY_TOKEN"},
	"cloudflare":         {Name: "Cloudflare", RotateURL: "https://developers.cloudflare.com/fundamentals/api/how-to/roll-token/", EnvVar: "CLOUDFLARE_API_TOKEN"},
	"codecov":            {Name: "Codecov", EnvVar: "CODECOV_TOKEN"},
	"cohere":             {Name: "Cohere", EnvVar: "CO_API_KEY"},
	"coinbase":           {Name: "Coinbase", EnvVar: "COINBASE_API_SECRET"},
	"confluent":          {Name: "Confluent", EnvVar: "CONFLUENT_CLOUD_API_SECRET"},
	"contentful":         {Name: "Contentful", EnvVar: "CONTENTFUL_ACCESS_TOKEN"},
	"databricks":         {Name: "Databricks", EnvVar: "DATABRICKS_TOKEN"},
	"datadog":            {Name: "Datadog", RotateURL: "https://docs.datadoghq.com/account_management/api-app-keys/", EnvVar: "DD_API_KEY"},
	"defined":            {Name: "Defined Networking", EnvVar: "DEFINED_API_KEY"},
	"digitalocean":       {Name: "DigitalOcean", RotateURL: "https://docs.digitalocean.com/reference/api/create-personal-access-token/", EnvVar: "DIGITALOCEAN_TOKEN"},
	"discord":            {Name: "Discord", EnvVar: "DISCORD_TOKEN"},
	"doppler":            {Name: "Doppler", EnvVar: "DOPPLER_TOKEN"},
	"droneci":            {Name: "Drone CI", EnvVar: "DRONE_TOKEN"},
	"dropbox":            {Name: "Dropbox", EnvVar: "DROPBOX_TOKEN"},
	"duffel":             {Name: "Duffel", EnvVar: "DUFFEL_ACCESS_TOKEN"},
	"dynatrace":          {Name: "Dynatrace", EnvVar: "DT_API_TOKEN"},
	"easypost":           {Name: "EasyPost", EnvVar: "EASYPOST_API_KEY"},
	"etsy":               {Name: "Etsy", EnvVar: "ETSY_API_KEY"},
	"facebook":           {Name: "Meta (Facebook)", EnvVar: "FACEBOOK_APP_SECRET"},
	"fastly":             {Name: "Fastly", EnvVar: "FASTLY_API_TOKEN"},
	"finicity":           {Name: "Finicity", EnvVar: "FINICITY_APP_KEY"},
	"finnhub":            {Name: "Finnhub", EnvVar: "FINNHUB_API_KEY"},
	"flickr":             {Name: "Flickr", EnvVar: "FLICKR_API_KEY"},
	"flutterwave":        {Name: "Flutterwave", EnvVar: "FLW_SECRET_KEY"},
	"flyio":              {Name: "Fly.io", RotateURL: "https://fly.io/docs/security/tokens/", EnvVar: "FLY_API_TOKEN"},
	"frameio":            {Name: "Frame.io", EnvVar: "FRAMEIO_TOKEN"},
	"freemius":           {Name: "Freemius", EnvVar: "FREEMIUS_SECRET_KEY"},
	"freshbooks":         {Name: "FreshBooks", EnvVar: "FRESHBOOKS_TOKEN"},
	"gcp":                {Name: "Google Cloud", RotateURL: "https://cloud.google.com/docs/authentication/api-keys#securing", EnvVar: "GOOGLE_API_KEY"},
	"github":             {Name: "GitHub", RotateURL: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation", EnvVar: "GITHUB_TOKEN"},
	"gitlab":             {Name: "GitLab", RotateURL: "https://docs.gitlab.com/ee/security/token_overview.html", EnvVar: "GITLAB_TOKEN"},
	"gitter":             {Name: "Gitter", EnvVar: "GITTER_TOKEN"},
	"gocardless":         {Name: "GoCardless", EnvVar: "GOCARDLESS_ACCESS_TOKEN"},
	"grafana":            {Name: "Grafana", EnvVar: "GRAFANA_TOKEN"},
	"harness":            {Name: "Harness", EnvVar: "HARNESS_API_KEY"},
	"hashicorp":          {Name: "HashiCorp Terraform Cloud", RotateURL: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens", EnvVar: "TFE_TOKEN"},
	"heroku":             {Name: "Heroku", RotateURL: "https://devcenter.heroku.com/articles/authentication", EnvVar: "HEROKU_API_KEY"},
	"hubspot":            {Name: "HubSpot", EnvVar: "HUBSPOT_ACCESS_TOKEN"},
	"huggingface":        {Name: "Hugging Face", RotateURL: "https://huggingface.co/docs/hub/security-tokens", EnvVar: "HF_TOKEN"},
	"infracost":          {Name: "Infracost", EnvVar: "INFRACOST_API_KEY"},
	"intercom":           {Name: "Intercom", EnvVar: "INTERCOM_TOKEN"},
	"intra42":            {Name: "42 Intra", EnvVar: "INTRA42_CLIENT_SECRET"},
	"jfrog":              {Name: "JFrog", EnvVar: "JFROG_ACCESS_TOKEN"},
	"kraken":             {Name: "Kraken", EnvVar: "KRAKEN_API_SECRET"},
	"kubernetes":         {Name: "Kubernetes", RotateURL: "https://kubernetes.io/docs/concepts/configuration/secret/", EnvVar: "KUBE_SECRET", Holder: true},
	"kucoin":             {Name: "KuCoin", EnvVar: "KUCOIN_API_SECRET"},
	"launchdarkly":       {Name: "LaunchDarkly", EnvVar: "LAUNCHDARKLY_ACCESS_TOKEN"},
	"linear":             {Name: "Linear", EnvVar: "LINEAR_API_KEY"},
	"linkedin":           {Name: "LinkedIn", EnvVar: "LINKEDIN_CLIENT_SECRET"},
	"lob":                {Name: "Lob", EnvVar: "LOB_API_KEY"},
	"looker":             {Name: "Looker", EnvVar: "LOOKERSDK_CLIENT_SECRET"},
	"mailchimp":          {Name: "Mailchimp", RotateURL: "https://mailchimp.com/help/about-api-keys/", EnvVar: "MAILCHIMP_API_KEY"},
	"mailgun":            {Name: "Mailgun", EnvVar: "MAILGUN_API_KEY"},
	"mapbox":             {Name: "Mapbox", RotateURL: "https://docs.mapbox.com/accounts/guides/tokens/", EnvVar: "MAPBOX_ACCESS_TOKEN"},
	"mattermost":         {Name: "Mattermost", EnvVar: "MM_ACCESS_TOKEN"},
	"maxmind":            {Name: "MaxMind", EnvVar: "MAXMIND_LICENSE_KEY"},
	"messagebird":        {Name: "MessageBird (Bird)", EnvVar: "MESSAGEBIRD_API_KEY"},
	"microsoft":          {Name: "Microsoft Teams", EnvVar: "TEAMS_WEBHOOK_URL"},
	"netlify":            {Name: "Netlify", EnvVar: "NETLIFY_AUTH_TOKEN"},
	"new-relic":          {Name: "New Relic", RotateURL: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/", EnvVar: "NEW_RELIC_API_KEY"},
	"notion":             {Name: "Notion", EnvVar: "NOTION_TOKEN"},
	"npm":                {Name: "npm", RotateURL: "https://docs.npmjs.com/revoking-access-tokens", EnvVar: "NPM_TOKEN"},
	"nuget":              {Name: "NuGet", EnvVar: "NUGET_PASSWORD"},
	"nytimes":            {Name: "The New York Times API", EnvVar: "NYTIMES_API_KEY"},
	"octopus":            {Name: "Octopus Deploy", EnvVar: "OCTOPUS_API_KEY"},
	"okta":               {Name: "Okta", RotateURL: "https://help.okta.com/en-us/content/topics/security/api.htm", EnvVar: "OKTA_API_TOKEN"},
	"openai":             {Name: "OpenAI", RotateURL: "https://platform.openai.com/api-keys", EnvVar: "OPENAI_API_KEY"},
	"openshift":          {Name: "OpenShift", EnvVar: "OPENSHIFT_TOKEN"},
	"perplexity":         {Name: "Perplexity", EnvVar: "PERPLEXITY_API_KEY"},
	"plaid":              {Name: "Plaid", RotateURL: "https://plaid.com/docs/account/security/#rotating-keys", EnvVar: "PLAID_SECRET"},
	"planetscale":        {Name: "PlanetScale", EnvVar: "PLANETSCALE_SERVICE_TOKEN"},
	"postman":            {Name: "Postman", EnvVar: "POSTMAN_API_KEY"},
	"prefect":            {Name: "Prefect", EnvVar: "PREFECT_API_KEY"},
	"privateai":          {Name: "Private AI", EnvVar: "PRIVATEAI_API_KEY"},
	"pulumi":             {Name: "Pulumi", RotateURL: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/", EnvVar: "PULUMI_ACCESS_TOKEN"},
	"pypi":               {Name: "PyPI", RotateURL: "https://pypi.org/help/#apitoken", EnvVar: "PYPI_TOKEN"},
	"rapidapi":           {Name: "RapidAPI", EnvVar: "RAPIDAPI_KEY"},
	"readme":             {Name: "ReadMe", EnvVar: "README_API_KEY"},
	"rubygems":           {Name: "RubyGems", RotateURL: "https://guides.rubygems.org/api-key-scopes/", EnvVar: "GEM_HOST_API_KEY"},
	"scalingo":           {Name: "Scalingo", EnvVar: "SCALINGO_API_TOKEN"},
	"sendbird":           {Name: "Sendbird", EnvVar: "SENDBIRD_API_TOKEN"},
	"sendgrid":           {Name: "SendGrid (Twilio)", RotateURL: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys", EnvVar: "SENDGRID_API_KEY"},
	"sendinblue":         {Name: "Brevo (Sendinblue)", EnvVar: "BREVO_API_KEY"},
	"sentry":             {Name: "Sentry", RotateURL: "https://docs.sentry.io/account/auth-tokens/", EnvVar: "SENTRY_AUTH_TOKEN"},
	"settlemint":         {Name: "SettleMint", EnvVar: "SETTLEMINT_ACCESS_TOKEN"},
	"shippo":             {Name: "Shippo", EnvVar: "SHIPPO_API_TOKEN"},
	"shopify":            {Name: "Shopify", EnvVar: "SHOPIFY_ACCESS_TOKEN"},
	"sidekiq":            {Name: "Sidekiq", EnvVar: "BUNDLE_ENTERPRISE__CONTRIBSYS__COM"},
	"slack":              {Name: "Slack", RotateURL: "https://api.slack.com/authentication/rotation", EnvVar: "SLACK_TOKEN"},
	"snyk":               {Name: "Snyk", EnvVar: "SNYK_TOKEN"},
	"sonar":              {Name: "SonarQube / SonarCloud", EnvVar: "SONAR_TOKEN"},
	"sourcegraph":        {Name: "Sourcegraph", EnvVar: "SRC_ACCESS_TOKEN"},
	"square":             {Name: "Square", EnvVar: "SQUARE_ACCESS_TOKEN"},
	"squarespace":        {Name: "Squarespace", EnvVar: "SQUARESPACE_API_KEY"},
	"stripe":             {Name: "Stripe", RotateURL: "https://docs.stripe.com/keys#rolling-keys", EnvVar: "STRIPE_SECRET_KEY"},
	"sumologic":          {Name: "Sumo Logic", EnvVar: "SUMOLOGIC_ACCESSKEY"},
	"telegram":           {Name: "Telegram", RotateURL: "https://core.telegram.org/bots/features#botfather", EnvVar: "TELEGRAM_BOT_TOKEN"},
	"travisci":           {Name: "Travis CI", EnvVar: "TRAVIS_API_TOKEN"},
	"twilio":             {Name: "Twilio", RotateURL: "https://www.twilio.com/docs/iam/api-keys", EnvVar: "TWILIO_API_SECRET"},
	"twitch":             {Name: "Twitch", EnvVar: "TWITCH_CLIENT_SECRET"},
	"twitter":            {Name: "X (Twitter)", EnvVar: "TWITTER_BEARER_TOKEN"},
	"typeform":           {Name: "Typeform", EnvVar: "TYPEFORM_TOKEN"},
	"vault":              {Name: "HashiCorp Vault", RotateURL: "https://developer.hashicorp.com/vault/docs/concepts/tokens", EnvVar: "VAULT_TOKEN"},
	"yandex":             {Name: "Yandex Cloud", EnvVar: "YC_TOKEN"},
	"zendesk":            {Name: "Zendesk", EnvVar: "ZENDESK_API_TOKEN"},
	"aws-amazon-bedrock": {Name: "AWS (Amazon Bedrock)", RotateURL: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html", EnvVar: "AWS_BEARER_TOKEN_BEDROCK"},
}

// providerFor returns the provider of a gitleaks rule, matching the
// longest dash-separated prefix of its id; nil for generic rules.
func providerFor(ruleID string) *Provider {
	parts := strings.Split(ruleID, "-")
	for n := len(parts); n > 0; n-- {
		if p, ok := providers[strings.Join(parts[:n], "-")]; ok {
			return &p
		}
	}
	return nil
}

// ProviderOf returns the provider of a gitleaks rule id, if known.
func ProviderOf(ruleID string) (Provider, bool) {
	if p := providerFor(ruleID); p != nil {
		return *p, true
	}
	return Provider{}, false
}

// Kind says how much a rule's match means on its own.
type Kind int

const (
	// KindLive is a provider's key in its issued format: a match is very
	// likely a usable credential.
	KindLive Kind = iota
	// KindIdentifier is a public or semi-public identifier (client ids,
	// publishable keys): worth knowing, rarely an incident.
	KindIdentifier
	// KindPrivateKey is a private key or key bundle.
	KindPrivateKey
	// KindToken is a bearer token of unknown issuer (JWT, curl headers).
	KindToken
	// KindGeneric is generic-api-key: a secret-looking value assigned to
	// a secret-looking name.
	KindGeneric
)

// identifierRules are matches that are not secrets by themselves.
var identifierRules = map[string]bool{
	"adobe-client-id": true, "asana-client-id": true, "bitbucket-client-id": true,
	"discord-client-id": true, "linkedin-client-id": true, "looker-client-id": true,
	"messagebird-client-id": true, "plaid-client-id": true, "sendbird-access-id": true,
	"sumologic-access-id": true, "new-relic-user-api-id": true, "flutterwave-public-key": true,
	"lob-pub-api-key": true, "mailgun-pub-key": true, "easypost-test-api-token": true,
	"new-relic-browser-api-token": true, "alibaba-access-key-id": true,
}

// KindOf classifies a gitleaks rule id.
func KindOf(ruleID string) Kind {
	switch {
	case IsGeneric(ruleID):
		return KindGeneric
	case identifierRules[ruleID]:
		return KindIdentifier
	case ruleID == "private-key" || ruleID == "pkcs12-file" || ruleID == "age-secret-key":
		return KindPrivateKey
	case ruleID == "jwt" || ruleID == "jwt-base64" || strings.HasPrefix(ruleID, "curl-"):
		return KindToken
	case providerFor(ruleID) == nil:
		// A user rule with no known provider: treat it as a token.
		return KindToken
	}
	return KindLive
}

// highImpact are providers whose keys usually grant broad access to
// infrastructure, source code or money.
var highImpact = map[string]bool{
	"AWS": true, "AWS (Amazon Bedrock)": true, "Google Cloud": true, "GitHub": true, "GitLab": true,
	"Stripe": true, "Microsoft Entra ID (Azure AD)": true, "Alibaba Cloud": true,
	"DigitalOcean": true, "HashiCorp Vault": true, "Slack": true, "OpenAI": true,
	"Anthropic": true, "Cloudflare": true, "npm": true, "PyPI": true, "Square": true,
	"Plaid": true, "Okta": true, "HashiCorp Terraform Cloud": true,
}

// Rules returns authvet rule metadata for every rule of the default set.
// It reads the ids and descriptions from gitleaks' default config
// without compiling it: a lint run needs the catalogue from the start
// but the compiled rules (some 13 MB, kept for the process) only to
// redact its report at the end.
func Rules() []finding.Rule {
	rules, err := defaultRules()
	if err != nil {
		// As in Default: the embedded config not parsing is a build
		// defect.
		panic(fmt.Sprintf("gitleaksrules: default gitleaks config does not parse: %v", err))
	}
	return rules
}

var defaultRules = sync.OnceValues(func() ([]finding.Rule, error) {
	var doc struct {
		Rules []struct {
			ID          string `toml:"id"`
			Description string `toml:"description"`
		} `toml:"rules"`
	}
	if err := toml.Unmarshal([]byte(config.DefaultConfig), &doc); err != nil {
		return nil, err
	}
	sort.Slice(doc.Rules, func(i, j int) bool { return doc.Rules[i].ID < doc.Rules[j].ID })
	rules := make([]finding.Rule, 0, len(doc.Rules))
	for _, r := range doc.Rules {
		rules = append(rules, ruleMeta(r.ID, r.Description))
	}
	return rules, nil
})

// Rules returns authvet rule metadata for every rule of the set, sorted
// by id.
func (s *Set) Rules() []finding.Rule {
	s.rulesOnce.Do(func() {
		s.byID = make(map[string]*finding.Rule, len(s.cfg.Rules))
		for _, id := range s.RuleIDs() {
			r := s.cfg.Rules[id]
			s.rules = append(s.rules, ruleMeta(id, r.Description))
		}
		for i := range s.rules {
			s.byID[strings.TrimPrefix(s.rules[i].ID, RulePrefix)] = &s.rules[i]
		}
	})
	return s.rules
}

// rule returns the metadata of a gitleaks rule id.
func (s *Set) rule(id string) *finding.Rule {
	s.Rules()
	return s.byID[id]
}

// Rule returns the metadata of a gitleaks rule id (without prefix).
func (s *Set) Rule(id string) (finding.Rule, bool) {
	if r := s.rule(id); r != nil {
		return *r, true
	}
	return finding.Rule{}, false
}

// humanize turns a rule id into words: "github-fine-grained-pat" →
// "github fine grained pat".
func humanize(id string) string { return strings.ReplaceAll(id, "-", " ") }

func ruleMeta(id, desc string) finding.Rule {
	kind := KindOf(id)
	p := providerFor(id)
	r := finding.Rule{
		ID:        RuleID(id),
		CWE:       []string{"CWE-798"},
		Sensitive: true,
	}
	what := humanize(id)
	desc = strings.TrimSpace(desc)
	if desc == "" {
		desc = "Matched the " + id + " rule."
	}
	if !strings.HasSuffix(desc, ".") {
		desc += "."
	}
	switch kind {
	case KindLive:
		r.Level, r.Precision, r.SecuritySeverity = finding.LevelError, finding.PrecisionHigh, 8.0
		if p != nil && highImpact[p.Name] {
			r.SecuritySeverity = 9.0
		}
		r.Short = "hardcoded " + what
	case KindPrivateKey:
		r.Level, r.Precision, r.SecuritySeverity = finding.LevelError, finding.PrecisionHigh, 9.0
		r.Short = "hardcoded " + what
	case KindIdentifier:
		r.Level, r.Precision, r.SecuritySeverity = finding.LevelWarning, finding.PrecisionMedium, 4.0
		r.Short = "hardcoded " + what + " (an identifier, secret only with its pair)"
	case KindToken:
		r.Level, r.Precision, r.SecuritySeverity = finding.LevelWarning, finding.PrecisionMedium, 6.5
		r.Short = "hardcoded " + what
	case KindGeneric:
		r.Level, r.Precision, r.SecuritySeverity = finding.LevelWarning, finding.PrecisionLow, 5.5
		r.Short = "secret-looking value assigned to a credential name"
	}
	r.Full = desc + " A credential committed to a repository is readable by everyone with access to it, " +
		"and stays in git history after the line is deleted; the only fix is to revoke or rotate it."
	r.Help = helpFor(id, kind, p)
	return r
}

func helpFor(id string, kind Kind, p *Provider) string {
	env := "API_KEY"
	name := "the key's issuer"
	if p != nil {
		env, name = p.EnvVar, p.Name
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Found by gitleaks rule `%s`", id)
	if p != nil {
		fmt.Fprintf(&b, " (%s)", p.Name)
	}
	b.WriteString(".\n\n")
	switch kind {
	case KindPrivateKey:
		b.WriteString("**Bad**: a private key committed to the repository.\n\n```\n-----BEGIN ... PRIVATE KEY-----\nMIIE...\n-----END ... PRIVATE KEY-----\n```\n\n")
		b.WriteString("**Good**: load the key from a secret store or a file outside the repository.\n\n```go\nkeyPEM, err := os.ReadFile(os.Getenv(\"TLS_KEY_FILE\"))\n```\n\n")
		b.WriteString("**What to do**: generate a new key pair, replace the old public key or certificate wherever it is trusted, and revoke the certificate if one was issued.\n")
	case KindGeneric:
		b.WriteString("**Bad**: a random-looking value assigned to a name such as `apiKey`, `token` or `password`.\n\n```go\nconst apiKey = \"q8Zx…\" // a real value, not a placeholder\n```\n\n")
		b.WriteString("**Good**: read it at run time.\n\n```go\napiKey := os.Getenv(\"API_KEY\")\n```\n\n")
		b.WriteString("**What to do**: find which service issued the value, revoke or rotate it there, then remove it from the code.\n")
	default:
		fmt.Fprintf(&b, "**Bad**: the %s written into source or configuration.\n\n```go\nclient := NewClient(\"<%s value>\")\n```\n\n", humanize(id), humanize(id))
		fmt.Fprintf(&b, "**Good**: read it at run time from the environment or a secret manager.\n\n```go\nclient := NewClient(os.Getenv(%q))\n```\n\n", env)
		fmt.Fprintf(&b, "**What to do**: revoke or rotate it with %s", name)
		if p != nil && p.RotateURL != "" {
			fmt.Fprintf(&b, " (<%s>)", p.RotateURL)
		}
		b.WriteString(", then remove it from the code.")
		if kind == KindIdentifier {
			b.WriteString(" This value identifies an account or app; it is a risk together with its secret, which is often committed beside it.")
		}
		if kind == KindToken {
			b.WriteString(" For a JWT, rotate the key that signed it if the token does not expire soon.")
		}
		b.WriteString("\n")
	}
	b.WriteString("\nIf the key is only in git history (deleted since), it is still exposed to everyone who cloned the repository: rotate it first; rewriting history (`git filter-repo`) is a second, optional step.\n\n")
	b.WriteString("**Left alone on purpose**: placeholders and well-known example values, `go.sum` and lockfile hashes, git SHAs, lines marked `gitleaks:allow`, and fingerprints listed in `.gitleaksignore`. Findings in tests, fixtures, examples, docs and vendored code are kept at a lower level, with the reason.\n")
	return b.String()
}
