// The function app: Flex Consumption (FC1, scales to zero) or Elastic Premium (EP*), Linux, dotnet-isolated 10.0,
// running as the user-assigned identity. Storage, Service Bus and Key Vault are reached with that identity;
// every endpoint is read from its resource, so nothing here names a cloud.
param name string
param planName string
param location string
param tags object
param planSku string
param identityId string
param identityClientId string
param storageAccountName string
param stagingAccountName string
param deploymentContainer string
param appInsightsName string
param serviceBusNamespaceName string
param keyVaultName string
param weChatAppId string
@description('The website app (console QR sign-in); empty: no WeChatWeb setting (Identity/WeChat/WeChatWebOptions.cs wants all three or none).')
param weChatWebAppId string = ''
param weChatWebRedirectUri string = ''
param bootstrapAdmins string
@description('Secure push mode: the Key Vault holds wechat-push-aes-key, and WeChatPush__EncodingAESKey names it.')
param weChatPushSecure bool = false
// Subscription message settings; an empty one writes no setting, so the code's default applies (Notifications/NotificationOptions.cs).
param orderStatusTemplateId string = ''
param orderStatusTemplateFields string = ''
param unitTaskTemplateId string = ''
param unitTaskTemplateFields string = ''
param orderReviewTemplateId string = ''
param orderReviewTemplateFields string = ''
param miniProgramState string = ''

var flex = planSku == 'FC1'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource staging 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: stagingAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: serviceBusNamespaceName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: flex ? 'functionapp' : 'elastic'
  sku: flex ? { name: 'FC1', tier: 'FlexConsumption' } : { name: planSku, tier: 'ElasticPremium' }
  properties: {
    reserved: true
    maximumElasticWorkerCount: flex ? null : 20
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      linuxFxVersion: flex ? null : 'DOTNET-ISOLATED|10.0'
    }
    functionAppConfig: flex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
              authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
            }
          }
          scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
          runtime: { name: 'dotnet-isolated', version: '10.0' }
        }
      : null
  }
}

var secrets = '${vault.properties.vaultUri}secrets/'

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(
    {
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      ServiceBus__Endpoint: serviceBus.properties.serviceBusEndpoint
      ServiceBus__TopicName: 'redyifang-events'
      ServiceBus__ClientId: identityClientId
      Auth__SigningKey: '@Microsoft.KeyVault(SecretUri=${secrets}token-signing-key)'
      Auth__DevLogin: 'false'
      Auth__BootstrapAdmins: bootstrapAdmins
      WeChat__AppId: weChatAppId
      WeChat__AppSecret: '@Microsoft.KeyVault(SecretUri=${secrets}wechat-app-secret)'
      WeChatPush__Token: '@Microsoft.KeyVault(SecretUri=${secrets}wechat-push-token)'
      Evidence__Container: 'evidence'
      Evidence__StagingContainer: 'evidence-staging'
      EvidenceStaging__blobServiceUri: staging.properties.primaryEndpoints.blob
      EvidenceStaging__credential: 'managedidentity'
      EvidenceStaging__clientId: identityClientId
      // Timer schedules (NCRONTAB, UTC), named by the functions as %Section:Schedule%: the host refuses to index a
      // function whose setting is missing, so every one the app names is set here (checked by the infra tests).
      Outbox__Schedule: '30 * * * * *'
      Idempotency__CleanupSchedule: '0 17 * * * *'
      Orders__ExpirySchedule: '0 0 19 * * *' // 03:00 China Standard Time
      Orders__ClosingSchedule: '0 20 19 * * *' // 03:20 China Standard Time
      Assessment__Schedule: '0 0 18 * * *' // 02:00 China Standard Time
      Agreements__Schedule: '0 5 16 * * *' // 00:05 China Standard Time: agreements whose term ended yesterday expire
      Evaluations__Schedule: '0 10 16 * * *' // 00:10 China Standard Time: evaluation windows that closed at midnight are summed up
    },
    // The website app's three settings together or not at all: WeChatWebOptions refuses to start with some of them.
    empty(weChatWebAppId) ? {} : {
      WeChatWeb__AppId: weChatWebAppId
      WeChatWeb__AppSecret: '@Microsoft.KeyVault(SecretUri=${secrets}wechat-web-app-secret)'
      WeChatWeb__RedirectUri: weChatWebRedirectUri
    },
    // Secure mode (安全模式) only with the key: the app then refuses plaintext pushes (Platform/WeChat/ReceiveWeChatPush.cs).
    weChatPushSecure ? { WeChatPush__EncodingAESKey: '@Microsoft.KeyVault(SecretUri=${secrets}wechat-push-aes-key)' } : {},
    empty(orderStatusTemplateId) ? {} : { Notifications__Templates__orderStatus__TemplateId: orderStatusTemplateId },
    empty(orderStatusTemplateFields) ? {} : { Notifications__Templates__orderStatus__Fields: orderStatusTemplateFields },
    empty(unitTaskTemplateId) ? {} : { Notifications__Templates__unitTask__TemplateId: unitTaskTemplateId },
    empty(unitTaskTemplateFields) ? {} : { Notifications__Templates__unitTask__Fields: unitTaskTemplateFields },
    empty(orderReviewTemplateId) ? {} : { Notifications__Templates__orderReview__TemplateId: orderReviewTemplateId },
    empty(orderReviewTemplateFields) ? {} : { Notifications__Templates__orderReview__Fields: orderReviewTemplateFields },
    empty(miniProgramState) ? {} : { Notifications__MiniProgramState: miniProgramState },
    flex ? {} : { FUNCTIONS_EXTENSION_VERSION: '~4', FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated' }
  )
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
