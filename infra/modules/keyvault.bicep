// Key Vault for the secrets the app needs (the website app's only when QR sign-in is configured, the push's EncodingAESKey only
// in secure mode); RBAC authorisation,
// referenced from app settings.
param name string
param location string
param tags object

@secure()
param weChatAppSecret string

@secure()
param weChatPushToken string

@secure()
@description('Empty: plaintext or compatible push mode, and no secret is written (the app settings name none then).')
param weChatPushEncodingAesKey string = ''

@secure()
@description('Empty: QR sign-in is off and no secret is written (the app settings name none then).')
param weChatWebAppSecret string = ''

@secure()
param tokenSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource weChatSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'wechat-app-secret'
  properties: { value: weChatAppSecret }
}

resource pushToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'wechat-push-token'
  properties: { value: weChatPushToken }
}

resource pushAesKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(weChatPushEncodingAesKey)) {
  parent: vault
  name: 'wechat-push-aes-key'
  properties: { value: weChatPushEncodingAesKey }
}

resource weChatWebSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(weChatWebAppSecret)) {
  parent: vault
  name: 'wechat-web-app-secret'
  properties: { value: weChatWebAppSecret }
}

resource signingKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'token-signing-key'
  properties: { value: tokenSigningKey }
}

output name string = vault.name
