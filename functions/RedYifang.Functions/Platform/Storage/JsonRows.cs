using System.Text.Json;
using Azure.Data.Tables;
using RedYifang.Functions.Platform.Http;

namespace RedYifang.Functions.Platform.Storage;

/// <summary>Entities that carry a record as a JSON document in their <c>Doc</c> property (plus any indexed columns).</summary>
public static class JsonRows
{
    public static TableEntity Create<T>(string partitionKey, string rowKey, T doc) =>
        new(partitionKey, rowKey) { ["Doc"] = JsonSerializer.Serialize(doc, Json.Options) };

    public static T Read<T>(TableEntity entity) =>
        JsonSerializer.Deserialize<T>(entity.GetString("Doc") ?? "null", Json.Options)
        ?? throw new InvalidDataException($"{typeof(T).Name} row {entity.PartitionKey}/{entity.RowKey} has no document.");
}
