using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RedYifang.Infra.Tests;

public sealed partial class TemplateSecurityTests
{
    private static CompiledTemplate T => CompiledTemplate.Main.Value;

    private static JsonObject Properties(JsonObject resource) => resource["properties"]!.AsObject();

    /// <summary>The parameters main.bicep passes to one of its modules.</summary>
    private static JsonObject Module(string name) =>
        Properties(Assert.Single(T.OfType("Microsoft.Resources/deployments"), d => d["name"]!.GetValue<string>() == name))["parameters"]!
            .AsObject();

    [Fact]
    public void The_templates_lint_clean_with_the_important_rules_as_errors()
    {
        Assert.True(T.LintExitCode == 0 && string.IsNullOrWhiteSpace(T.LintOutput), T.LintOutput);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate
            .RepositoryRoot(), "infra", "bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!;
        foreach (var rule in new[] {
            "no-hardcoded-env-urls",
            "secure-parameter-default",
            "no-unused-params",
            "outputs-should-not-contain-secrets" })
        {
            Assert.Equal("error", config[rule]!["level"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("core.windows.net")]
    [InlineData("servicebus.windows.net")]
    [InlineData("vault.azure.net")]
    [InlineData("azurewebsites.net")]
    [InlineData("applicationinsights.azure.com")]
    [InlineData("chinacloudapi.cn")]
    [InlineData("azure.cn")]
    public void No_cloud_endpoint_is_hard_coded(string suffix)
    {
        var withoutSchemas = MyRegex().Replace(T.Json, "");
        Assert.DoesNotContain(suffix, withoutSchemas, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Storage_takes_no_shared_keys_old_TLS_plain_HTTP_or_public_blobs()
    {
        var accounts = T.OfType("Microsoft.Storage/storageAccounts").ToList();
        Assert.Equal(2, accounts.Count);                              // the app's account and the evidence staging account
        foreach (var account in accounts.Select(Properties))
        {
            Assert.False(account["allowSharedKeyAccess"]!.GetValue<bool>());
            Assert.False(account["allowBlobPublicAccess"]!.GetValue<bool>());
            Assert.True(account["supportsHttpsTrafficOnly"]!.GetValue<bool>());
            Assert.Equal("TLS1_2", account["minimumTlsVersion"]!.GetValue<string>());
        }
        var containers = T.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", Properties(c)["publicAccess"]!.GetValue<string>()));
        Assert.Contains("'evidence'", T.Json);
    }

    [Fact]
    public void The_evidence_container_is_immutable_for_a_retention_the_deployer_sets()
    {
        var policy = Assert.Single(T.OfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"));
        Assert.Contains("parameters('immutableContainer')", policy["name"]!.GetValue<string>());
        Assert.Equal("[parameters('retentionDays')]", Properties(policy)["immutabilityPeriodSinceCreationInDays"]!.GetValue<string>());
        Assert.False(Properties(policy)["allowProtectedAppendWrites"]!.GetValue<bool>());
        var storage = Module("storage");
        Assert.Equal("evidence", storage["immutableContainer"]!["value"]!.GetValue<string>());
        Assert.Equal("[int(parameters('evidenceRetentionDays'))]", storage["retentionDays"]!["value"]!.GetValue<string>());
        Assert.Equal("1825", T.Root["parameters"]!["evidenceRetentionDays"]!["defaultValue"]!.GetValue<string>());
        var parameters = JsonNode.Parse(
            File.ReadAllText(Path.Combine(CompiledTemplate.RepositoryRoot(), "infra", "main.parameters.json")))!;
        Assert.Equal(
            "${REDYIFANG_EVIDENCE_RETENTION_DAYS=1825}",
            parameters["parameters"]!["evidenceRetentionDays"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_staging_account_keeps_nothing_back_and_deletes_what_is_older_than_a_day()
    {
        var services = T.OfType("Microsoft.Storage/storageAccounts/blobServices").Select(Properties).ToList();
        var staging = Assert.Single(services, s => !s["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.False(staging["containerDeleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.False(staging["isVersioningEnabled"]!.GetValue<bool>());
        Assert.False(staging["changeFeed"]!["enabled"]!.GetValue<bool>());
        Assert.False(staging["restorePolicy"]!["enabled"]!.GetValue<bool>());
        var rule = Assert.Single(
            Properties(Assert.Single(T.OfType("Microsoft.Storage/storageAccounts/managementPolicies")))["policy"]!["rules"]!.AsArray());
        Assert.True(rule!["enabled"]!.GetValue<bool>());
        Assert.Equal(1, rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!.GetValue<int>());
        Assert.Equal("evidence-staging", Module("staging")["container"]!["value"]!.GetValue<string>());
        var settings = Assert.Single(T.OfType("Microsoft.Web/sites/config"))["properties"]!.GetValue<string>();
        Assert.Contains("'EvidenceStaging__blobServiceUri', reference(", settings);
        Assert.Contains("'EvidenceStaging__credential', 'managedidentity'", settings);
        Assert.Contains("'Evidence__StagingContainer', 'evidence-staging'", settings);
    }

    [Fact]
    public void The_function_app_is_HTTPS_only_with_FTP_and_basic_publishing_off_and_runs_as_its_identity()
    {
        var site = Assert.Single(T.OfType("Microsoft.Web/sites"));
        Assert.Equal("functionapp,linux", site["kind"]!.GetValue<string>());
        Assert.True(Properties(site)["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("Disabled", Properties(site)["siteConfig"]!["ftpsState"]!.GetValue<string>());
        Assert.Equal("1.2", Properties(site)["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        var policies = T.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(Properties(p)["allow"]!.GetValue<bool>()));
        var functionAppConfig = Properties(site)["functionAppConfig"]!.ToJsonString();
        Assert.Contains("dotnet-isolated", functionAppConfig);
        Assert.Contains("10.0", functionAppConfig);
        Assert.Contains("UserAssignedIdentity", functionAppConfig);
    }

    [Fact]
    public void App_settings_use_identity_connections_and_Key_Vault_references_and_hold_no_secret()
    {
        var settings = Assert.Single(T.OfType("Microsoft.Web/sites/config"))["properties"]!.GetValue<string>();
        foreach (var name in new[] {
            "AzureWebJobsStorage__blobServiceUri",
            "AzureWebJobsStorage__queueServiceUri",
            "AzureWebJobsStorage__tableServiceUri" })
        {
            Assert.Contains(name, settings);
        }
        Assert.Contains("'AzureWebJobsStorage__credential', 'managedidentity'", settings);
        Assert.Contains("'Auth__DevLogin', 'false'", settings);
        Assert.Matches("'Auth__SigningKey', format\\('@Microsoft.KeyVault\\(SecretUri=\\{0\\}token-signing-key\\)'", settings);
        Assert.Matches("'WeChat__AppSecret', format\\('@Microsoft.KeyVault\\(SecretUri=\\{0\\}wechat-app-secret\\)'", settings);
        Assert.Matches("'WeChatPush__Token', format\\('@Microsoft.KeyVault\\(SecretUri=\\{0\\}wechat-push-token\\)'", settings);
        // The console's QR sign-in (website app): its secret from Key Vault too, its three settings only together.
        Assert.Matches("'WeChatWeb__AppSecret', format\\('@Microsoft.KeyVault\\(SecretUri=\\{0\\}wechat-web-app-secret\\)'", settings);
        Assert.Matches("empty\\(parameters\\('weChatWebAppId'\\)\\), createObject\\(\\), createObject\\('WeChatWeb__AppId'", settings);
        Assert.Contains("Authorization=AAD", settings);
        Assert.DoesNotContain("'AzureWebJobsStorage',", settings);
        foreach (var leak in new[] {
            "AccountKey",
            "SharedAccessKey",
            "listKeys(",
            "listConnectionStrings(",
            "parameters('weChatAppSecret')",
            "parameters('weChatWebAppSecret')",
            "parameters('tokenSigningKey')" })
        {
            Assert.DoesNotContain(leak, settings);
        }
        Assert.DoesNotContain("listKeys(", T.Json);
    }

    [Fact]
    public void The_push_key_and_the_message_templates_are_written_only_when_given()
    {
        var settings = Assert.Single(T.OfType("Microsoft.Web/sites/config"))["properties"]!.GetValue<string>();
        // Secure push mode: the EncodingAESKey a Key Vault secret, written and named in the settings only when given.
        Assert.Equal("securestring", T.Root["parameters"]!["weChatPushEncodingAesKey"]!["type"]!.GetValue<string>());
        Assert.Equal("", T.Root["parameters"]!["weChatPushEncodingAesKey"]!["defaultValue"]!.GetValue<string>());
        var secret = Assert.Single(T.OfType("Microsoft.KeyVault/vaults/secrets"),
            s => s["name"]!.GetValue<string>().Contains("'wechat-push-aes-key'", StringComparison.Ordinal));
        Assert.Equal("[not(empty(parameters('weChatPushEncodingAesKey')))]", secret["condition"]!.GetValue<string>());
        Assert.Equal("[not(empty(parameters('weChatPushEncodingAesKey')))]",
            Module("functionapp")["weChatPushSecure"]!["value"]!.GetValue<string>());
        Assert.Matches("if\\(parameters\\('weChatPushSecure'\\), createObject\\('WeChatPush__EncodingAESKey', "
            + "format\\('@Microsoft.KeyVault\\(SecretUri=\\{0\\}wechat-push-aes-key\\)'.*\\), createObject\\(\\)\\)", settings);
        Assert.DoesNotContain("parameters('weChatPushEncodingAesKey')", settings);

        // The subscription message templates chosen in the console, and the version messages open: each only when given.
        var parameters = JsonNode.Parse(
            File.ReadAllText(Path.Combine(CompiledTemplate.RepositoryRoot(), "infra", "main.parameters.json")))!["parameters"]!;
        foreach (var (parameter, setting) in new[]
        {
            ("orderStatusTemplateId", "Notifications__Templates__orderStatus__TemplateId"),
            ("orderStatusTemplateFields", "Notifications__Templates__orderStatus__Fields"),
            ("unitTaskTemplateId", "Notifications__Templates__unitTask__TemplateId"),
            ("unitTaskTemplateFields", "Notifications__Templates__unitTask__Fields"),
            ("orderReviewTemplateId", "Notifications__Templates__orderReview__TemplateId"),
            ("orderReviewTemplateFields", "Notifications__Templates__orderReview__Fields"),
            ("miniProgramState", "Notifications__MiniProgramState"),
        })
        {
            Assert.Contains($"if(empty(parameters('{parameter}')), createObject(), createObject('{setting}', parameters('{parameter}')))",
                settings);
            Assert.Equal("", T.Root["parameters"]![parameter]!["defaultValue"]!.GetValue<string>());
            Assert.Equal($"[parameters('{parameter}')]", Module("functionapp")[parameter]!["value"]!.GetValue<string>());
            Assert.Matches("^\\$\\{REDYIFANG_[A-Z_]+=\\}$", parameters[parameter]!["value"]!.GetValue<string>());
        }
        Assert.Matches("^\\$\\{REDYIFANG_[A-Z_]+=\\}$", parameters["weChatPushEncodingAesKey"]!["value"]!.GetValue<string>());
        Assert.Equal(["", "formal", "trial", "developer"],
            T.Root["parameters"]!["miniProgramState"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Every_setting_a_binding_names_is_set_by_the_template_and_the_sample_settings()
    {
        // The Functions host will not index a function whose %Setting% does not resolve, so a missing one is an outage.
        var metadata = Directory.GetFiles(Path.Combine(CompiledTemplate.RepositoryRoot(), "functions", "RedYifang.Functions", "bin"),
            "functions.metadata", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new FileNotFoundException("Build functions/RedYifang.Functions first (test.sh does).");
        var named = MyRegex1().Matches(File.ReadAllText(metadata))
            .Select(m => m.Groups[1].Value.Replace(":", "__")).Distinct().ToList();
        Assert.Contains("Assessment__Schedule", named);

        var settings = Assert.Single(T.OfType("Microsoft.Web/sites/config"))["properties"]!.GetValue<string>();
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate
            .RepositoryRoot(), "local.settings.sample.json")))!["Values"]!.AsObject();
        Assert.All(named, name =>
        {
            Assert.Contains($"'{name}', '", settings);
            Assert.True(sample.ContainsKey(name), $"{name} is not in local.settings.sample.json");
        });
    }

    [Fact]
    public void Secrets_are_secure_parameters_and_local_authentication_is_off_everywhere()
    {
        var parameters = T.Root["parameters"]!;
        Assert.Equal("securestring", parameters["weChatAppSecret"]!["type"]!.GetValue<string>());
        Assert.Equal("securestring", parameters["tokenSigningKey"]!["type"]!.GetValue<string>());
        Assert.Equal("securestring", parameters["weChatWebAppSecret"]!["type"]!.GetValue<string>());
        Assert.True(Properties(Assert.Single(T.OfType("Microsoft.ServiceBus/namespaces")))["disableLocalAuth"]!.GetValue<bool>());
        Assert.True(Properties(Assert.Single(T.OfType("Microsoft.Insights/components")))["DisableLocalAuth"]!.GetValue<bool>());
        Assert.True(Properties(Assert.Single(T.OfType("Microsoft.OperationalInsights/workspaces")))["features"]!["disableLocalAuth"]!
            .GetValue<bool>());
        var vault = Properties(Assert.Single(T.OfType("Microsoft.KeyVault/vaults")));
        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["enablePurgeProtection"]!.GetValue<bool>());
        Assert.Contains("redyifang-events", T.Json);
    }

    [Fact]
    public void The_identity_holds_exactly_the_data_roles_it_needs_each_on_one_resource()
    {
        // (role, the type of the one resource it is scoped to, the parameter naming that resource)
        var expected = new List<(string Role, string Type, string Resource)>
        {
            ("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts", "storageAccountName"),       // Blob Data Owner (Functions host)
            ("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts", "storageAccountName"),       // Queue Data Contributor
            ("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts", "storageAccountName"),       // Table Data Contributor
            ("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Microsoft.Storage/storageAccounts", "stagingAccountName"),       // Blob Data Contributor on staging
            ("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Microsoft.ServiceBus/namespaces/topics", "topicName"),           // Service Bus Data Sender
            ("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults", "keyVaultName"),                     // Key Vault Secrets User
            ("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components", "appInsightsName"),              // Monitoring Metrics Publisher
            ("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Microsoft.Storage/storageAccounts", "storageAccountName"),       // the deploying user only
        };
        var assignments = T.OfType("Microsoft.Authorization/roleAssignments").ToList();
        var actual = assignments.ConvertAll(assignment =>
        {
            var name = MyRegex2().Match(Properties(assignment)["roleDefinitionId"]!.GetValue<string>()).Groups[1]
                .Value;
            var scope = assignment["scope"]!.GetValue<string>();
            var resource = expected.Select(e => e.Resource).Distinct().Single(p => scope.Contains($"parameters('{p}')"));
            var type = MyRegex3().Match(scope).Groups[1].Value;
            return (Role: T.Variables["roles"]![name]!.GetValue<string>(), Type: type, Resource: resource);
        });
        Assert.Equal(expected.Order(), actual.Order());
        // Nothing broad: no Owner, Contributor or User Access Administrator anywhere.
        foreach (var broad in new[] {
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            "b24988ac-6180-42a0-ab88-20f7382dd24c",
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9" })
        {
            Assert.DoesNotContain(broad, T.Json);
        }
    }

    [GeneratedRegex("\"\\$schema\"\\s*:\\s*\"[^\"]*\"")]
    private static partial Regex MyRegex();
    [GeneratedRegex("%([^%\"]+)%")]
    private static partial Regex MyRegex1();
    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex MyRegex2();
    [GeneratedRegex("'(Microsoft\\.[A-Za-z]+/[A-Za-z/]+)'")]
    private static partial Regex MyRegex3();
}
