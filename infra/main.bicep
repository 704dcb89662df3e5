// RedYifang on Azure (and Azure China): one resource group with the function app, its storage, Service Bus,
// Key Vault and monitoring. Every endpoint comes from a resource's properties, so the same template deploys in
// AzureCloud and AzureChinaCloud. azd conventions: environmentName, a resource token, azd-* tags.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('The azd environment name; names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Region for every resource, e.g. eastasia, or chinanorth3 in Azure China.')
param location string

@description('Object id of the deploying user or pipeline, granted data access to the deployment container. Empty: none.')
param principalId string = ''

@allowed(['FC1', 'EP1', 'EP2', 'EP3'])
@description('FC1 = Flex Consumption (scales to zero). EP* = Elastic Premium, for clouds or regions without Flex Consumption.')
param planSku string = 'FC1'

@description('The WeChat mini-program AppID. Empty: WeChat sign-in answers 503 until it is set.')
param weChatAppId string = ''

@secure()
@description('The WeChat mini-program AppSecret; stored in Key Vault.')
param weChatAppSecret string

@description('The WeChat open platform website app\'s AppID (网站应用, the console\'s QR sign-in). Empty: QR sign-in is off and no WeChatWeb setting is written.')
param weChatWebAppId string = ''

@secure()
@description('The website app\'s AppSecret; stored in Key Vault (secret wechat-web-app-secret) when given.')
param weChatWebAppSecret string = ''

@description('Where WeChat sends the browser back after the QR scan: the console\'s https address under the website app\'s authorised domain. Empty: consoleOrigin + /console/.')
param weChatWebRedirectUri string = ''

@secure()
@description('The Token of the mini-program\'s message push (消息推送), which WeChat signs pushes with; stored in Key Vault. Empty: the push URL answers 503.')
param weChatPushToken string

@secure()
@description('The EncodingAESKey of the message push (消息推送, 安全模式: 43 letters and digits, as the console shows it); stored in Key Vault (secret wechat-push-aes-key) when given, and then only encrypted pushes are accepted. Empty: plaintext or compatible mode (docs/content-security.md).')
param weChatPushEncodingAesKey string = ''

// Subscription messages (订阅消息): the templates chosen in the mini-program console. Each empty one writes no setting, so the
// code's default applies (Notifications/NotificationOptions.cs: local ids WeChat does not know, and their keyword mappings).
@description('Template id (模板ID) of the order status message to residents. Empty: the code\'s default.')
param orderStatusTemplateId string = ''

@description('Keyword mapping of that template, e.g. thing1=title;phrase2=state;thing3=note;time4=at. Empty: the code\'s default.')
param orderStatusTemplateFields string = ''

@description('Template id of the task message to a service unit. Empty: the code\'s default.')
param unitTaskTemplateId string = ''

@description('Keyword mapping of that template. Empty: the code\'s default.')
param unitTaskTemplateFields string = ''

@description('Template id of the review message to community admins. Empty: the code\'s default.')
param orderReviewTemplateId string = ''

@description('Keyword mapping of that template. Empty: the code\'s default.')
param orderReviewTemplateFields string = ''

@allowed(['', 'formal', 'trial', 'developer'])
@description('Which version of the mini-program a message opens. Empty: the code\'s default (formal).')
param miniProgramState string = ''

@secure()
@description('HMAC key (at least 32 characters) for access tokens; stored in Key Vault.')
param tokenSigningKey string

@description('Open ids of the first district admins, separated by ";".')
param bootstrapAdmins string = ''

// A string, because azd substitutes parameter values as text; the storage module takes it as an int in 1..146000.
@description('Days each kept evidence file is protected from overwrite and delete (immutability policy on the evidence container).')
param evidenceRetentionDays string = '1825'

@description('The function app\'s origin (https://<app>.<its cloud\'s suffix>), so that the admins\' console it serves at /console/ may PUT photos to upload URLs on the staging account; empty: no such rule (set it after the first deployment, README).')
param consoleOrigin string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: { name: 'id-${resourceToken}', location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: { logAnalyticsName: 'log-${resourceToken}', appInsightsName: 'appi-${resourceToken}', location: location, tags: tags }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containers: ['evidence', 'app-package-${resourceToken}']
    immutableContainer: 'evidence'
    retentionDays: int(evidenceRetentionDays)
  }
}

module staging 'modules/staging.bicep' = {
  name: 'staging'
  scope: group
  params: {
    name: 'stg${resourceToken}'
    location: location
    tags: tags
    container: 'evidence-staging'
    uploadOrigins: consoleOrigin == '' ? [] : [consoleOrigin]
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  scope: group
  params: { name: 'sb-${resourceToken}', location: location, tags: tags, topicName: 'redyifang-events' }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: group
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    weChatAppSecret: weChatAppSecret
    weChatPushToken: weChatPushToken
    weChatPushEncodingAesKey: weChatPushEncodingAesKey
    weChatWebAppSecret: weChatWebAppSecret
    tokenSigningKey: tokenSigningKey
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: group
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    planSku: planSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    stagingAccountName: staging.outputs.name
    deploymentContainer: 'app-package-${resourceToken}'
    appInsightsName: monitoring.outputs.appInsightsName
    serviceBusNamespaceName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    weChatAppId: weChatAppId
    weChatWebAppId: weChatWebAppId
    weChatWebRedirectUri: !empty(weChatWebRedirectUri) ? weChatWebRedirectUri : (empty(consoleOrigin) ? '' : '${consoleOrigin}/console/')
    bootstrapAdmins: bootstrapAdmins
    weChatPushSecure: !empty(weChatPushEncodingAesKey)
    orderStatusTemplateId: orderStatusTemplateId
    orderStatusTemplateFields: orderStatusTemplateFields
    unitTaskTemplateId: unitTaskTemplateId
    unitTaskTemplateFields: unitTaskTemplateFields
    orderReviewTemplateId: orderReviewTemplateId
    orderReviewTemplateFields: orderReviewTemplateFields
    miniProgramState: miniProgramState
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: group
  params: {
    principalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    storageAccountName: storage.outputs.name
    stagingAccountName: staging.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    topicName: 'redyifang-events'
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
