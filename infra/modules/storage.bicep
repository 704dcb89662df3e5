// The storage account: tables, queues and the evidence blobs. No shared keys, TLS 1.2, no public blob access.
// The evidence container is write-once: a time-based immutability policy keeps every blob from being overwritten
// or deleted for the retention period, whoever asks (the app writes each kept file once and never replaces one).
param name string
param location string
param tags object
param containers array

@description('The container whose blobs are immutable (kept evidence files).')
param immutableContainer string

@minValue(1)
@maxValue(146000)
@description('Days each evidence file is protected from overwrite and delete.')
param retentionDays int

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containers: {
  parent: blobs
  name: container
  properties: { publicAccess: 'None' }
}]

resource evidence 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: blobs
  name: immutableContainer
}

// Left unlocked: a deployer who has settled the retention locks it (Azure portal or CLI), after which it can only grow.
resource evidenceRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: evidence
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: retentionDays
    allowProtectedAppendWrites: false
  }
  dependsOn: [blobContainers]
}

output name string = account.name
