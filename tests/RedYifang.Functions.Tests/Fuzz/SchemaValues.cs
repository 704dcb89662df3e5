using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace RedYifang.Functions.Tests.Fuzz;

/// <summary>
/// Values a schema of openapi.json allows, drawn with FsCheck: enums, bounded numbers and strings, arrays, objects with
/// their required and some optional properties. Ids are not random: a field or parameter named for what it holds
/// (communityId, resourceId, ownerId, …) draws from the ids the fixture made, mostly the fuzz's own district, sometimes the
/// other's; a pattern the fuzz does not know fails the build of the generator, so a new pattern is taught here, not skipped.
/// </summary>
public sealed class SchemaValues(FuzzIds ids)
{
    private static readonly string[] Texts = ["独居老人需要助餐", "上门维修", "每周两次上门打扫与陪护", "法律咨询", "x", "Ünïcödé ok"];

    /// <summary>The ids a field or parameter of this name holds, or null when the name says nothing.</summary>
    public Gen<string>? IdsFor(string name, string template = "") => Pools(name, template) is (var own, var other)
        ? Gen.Frequency((4, Gen.Elements(own.ToArray())), (1, Gen.Elements(other.ToArray())))
        : null;

    /// <summary>Only the other district's ids of this name (or ids that name nothing), or null when the name says nothing.</summary>
    public Gen<string>? OtherIdsFor(string name, string template = "") =>
        Pools(name, template) is (_, var other) ? Gen.Elements(other.ToArray()) : null;

    private (IReadOnlyList<string> Own, IReadOnlyList<string> Other)? Pools(string name, string template)
    {
        IReadOnlyList<string>? own = null, other = null;
        switch (name)
        {
            case "communityId":
                (own, other) = ([ids.Own.CommunityId], [ids.Other.CommunityId]);
                break;
            case "gridId":
                (own, other) = ([ids.Own.GridId], [ids.Other.GridId]);
                break;
            case "unitId" or "workUnitId":
                (own, other) = ([ids.Own.UnitId], [ids.Other.UnitId]);
                break;
            case "districtId":
                (own, other) = ([ids.Own.DistrictId], [ids.Other.DistrictId]);
                break;
            case "streetId":
                (own, other) = ([ids.Own.StreetId], [ids.Other.StreetId]);
                break;
            case "areaId" or "areaIds":
                (own, other) = ([ids.Own.StreetId, ids.Own.CommunityId, ids.Own.GridId], [ids.Other.StreetId]);
                break;
            case "parentId" or "scopeOrgId" or "orgId" or "organiserOrgId" or "ownerOrgId":
                (own, other) = (ids.OwnOrgs, ids.OtherOrgs);
                break;
            case "activityId":
                (own, other) = (ids.OwnActivities, ids.OtherActivities);
                break;
            case "bookingId":
                (own, other) = (ids.OwnBookings, ids.OtherBookings);
                break;
            case "resourceId":
                (own, other) = (ids.OwnResources, ids.OtherResources);
                break;
            case "ownerId":
                (own, other) = ([.. ids.OwnOrders, ids.Own.UnitId, ids.Own.CommunityId], [.. ids.OtherOrders, ids.Other.UnitId]);
                break;
            case "templateKey":
                // Notifications' templates by name (the contract says string: an unknown one is 422, not a schema refusal).
                (own, other) = (["orderStatus", "unitTask", "orderReview"], ["newsletter"]);
                break;
            case "evidenceIds":
                (own, other) = (ids.Evidence, [Unknown("evd")]);
                break;
            case "userId" or "servedBy":
                (own, other) = (ids.Users, [Unknown("usr")]);
                break;
            case "id" when template.StartsWith("/v1/communities/", StringComparison.Ordinal):
                (own, other) = ([ids.Own.CommunityId], [ids.Other.CommunityId]);
                break;
            case "id" when template.StartsWith("/v1/orgs/", StringComparison.Ordinal):
                (own, other) = (ids.OwnOrgs, ids.OtherOrgs);
                break;
            case "id" when template.StartsWith("/v1/resources/", StringComparison.Ordinal):
                (own, other) = (ids.OwnResources, ids.OtherResources);
                break;
            case "id" when template.StartsWith("/v1/orders/", StringComparison.Ordinal):
                (own, other) = (ids.OwnOrders, ids.OtherOrders);
                break;
            case "id" when template.StartsWith("/v1/matching/runs/", StringComparison.Ordinal):
                (own, other) = ([ids.Run], [Unknown("run")]);
                break;
            case "id" when template.StartsWith("/v1/activities/", StringComparison.Ordinal):
                (own, other) = (ids.OwnActivities, ids.OtherActivities);
                break;
            case "id" when template.StartsWith("/v1/sites/", StringComparison.Ordinal):
                (own, other) = (ids.OwnSites, ids.OtherSites);
                break;
            case "id" when template.StartsWith("/v1/evidence/", StringComparison.Ordinal):
                (own, other) = (ids.Evidence, [Unknown("evd")]);
                break;
        }
        return own is null ? null : (own, other!);
    }

    /// <summary>A well-formed id that names nothing: the shape the app issues, with a prefix the fixture's ids have.</summary>
    public static string Unknown(string prefix) => $"{prefix}_0000000000zzzzzzzzzzzzzzzz";

    /// <summary>A period the app accepts: this month, its quarter, its year (China Standard Time).</summary>
    public static Gen<string> Periods()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return Gen.Elements(
            now.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            $"{now.Year}-Q{((now.Month - 1) / 3) + 1}",
            now.Year.ToString(CultureInfo.InvariantCulture),
            "2025-12");
    }

    /// <summary>A quarter the app accepts: this one (China Standard Time), or the last of 2025.</summary>
    public static Gen<string> Quarters()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return Gen.Elements($"{now.Year}-Q{((now.Month - 1) / 3) + 1}", "2025-Q4");
    }

    /// <summary>A value the schema allows (the field's name picks ids, see <see cref="IdsFor"/>).</summary>
    public Gen<JsonNode?> Valid(JsonElement schema, string name, string template = "")
    {
        schema = Contract.Resolve(schema);
        if (schema.TryGetProperty("oneOf", out _))
        {
            var types = Contract.Types(schema);
            var value = Valid(Contract.NonNull(schema), name, template);
            return types.Contains("null") ? Gen.Frequency((5, value), (1, Gen.Constant<JsonNode?>(null))) : value;
        }
        // Nodes are parsed afresh for each value: a JsonNode belongs to one parent, and values go into many requests.
        if (schema.TryGetProperty("const", out var constant)) return Gen.Constant(constant.GetRawText()).Select(t => JsonNode.Parse(t));
        if (schema.TryGetProperty("enum", out var choices))
        {
            return Gen.Elements(choices.EnumerateArray().Select(c => c.GetRawText()).ToArray()).Select(t => JsonNode.Parse(t));
        }
        var allowed = Contract.Types(schema);
        var nonNull = allowed.Where(t => t != "null").ToList();
        if (nonNull.Count > 1)
        {
            // A value that may be one of several types (amount: a number or a decimal string): one of them.
            return Gen.Elements(nonNull.ToArray()).SelectMany(t => ValidOfType(schema, t, name, template));
        }
        var only = nonNull.Count == 1 ? nonNull[0] : "object";
        var gen = ValidOfType(schema, only, name, template);
        return allowed.Contains("null") ? Gen.Frequency((5, gen), (1, Gen.Constant<JsonNode?>(null))) : gen;
    }

    private Gen<JsonNode?> ValidOfType(JsonElement schema, string type, string name, string template) => type switch
    {
        "string" => ValidString(schema, name, template).Select(s => (JsonNode?)JsonValue.Create(s)),
        "integer" => Gen.Choose(Int(schema, "minimum", 0), Math.Min(Int(schema, "maximum", 1000), Int(schema, "minimum", 0) + 20))
            .Select(i => (JsonNode?)JsonValue.Create(i)),
        "number" => Gen.Choose(1, Math.Max(1, Math.Min(Int(schema, "maximum", 1000), 100) * 10))
            .Select(i => (JsonNode?)JsonValue.Create(i / 10m)),
        "boolean" => Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
        "array" => ValidArray(schema, name, template),
        "object" => ValidObject(schema, template).Select(o => (JsonNode?)o),
        _ => throw new InvalidOperationException($"The fuzz has no values of type {type} ({name})."),
    };

    private Gen<string> ValidString(JsonElement schema, string name, string template)
    {
        if (IdsFor(name, template) is { } known) return known;
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            return pattern.GetString() switch
            {
                "^[a-z]{2,5}_[0-9a-zA-Z-]{1,60}$" => Gen.Constant(Unknown("org")),
                "^usr_[0-9a-zA-Z-]{1,60}$" => Gen.Constant(Unknown("usr")),
                "^([01][0-9]|2[0-3]):[0-5][0-9]$" => Gen.Elements("09:00", "13:30", "17:00", "23:59"),
                "^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$" =>
                    Gen.Elements("08:00-20:00", "09:00-12:00", "00:00-23:59"),
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => Gen.Elements("2026-01-01", "2026-06-30", "2030-12-31"),
                "^[0-9]+(\\.[0-9]{1,2})?$" => Gen.Elements("1000.00", "0.5", "12"),
                "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$" => Gen.Elements("13812341234", "010-12345678"),
                "^1[0-9]{10}$" => Gen.Elements("13812341234", "19900001111"),
                "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$" => Periods(),
                "^[0-9]{4}-Q[1-4]$" => Quarters(),
                "^[0-9a-fA-F]{64}$" => Gen.Choose(0, 1000).Select(i => Keys(i)),
                "^[0-9]{1,12}:[0-9a-f]{64}$" => Gen.Choose(1, 5).Select(i => $"{i}:{Keys(i)}"),
                "^[0-9]{6}$" => Gen.Elements("000000", "123456", "999999"),
                "^[A-Za-z0-9_-]{16,128}$" => Gen.Elements("0123456789abcdef", "state-AZ_09-state-AZ_09"),
                "^(0|[1-9][0-9]{0,13})(\\.[0-9]{1,2})?\\z" => Gen.Elements("0.10", "1000.00", "12", "0.5"),
                "^(budget|coBuilding|expense|donor|donations):[a-z]{2,5}_[0-9a-zA-Z-]{1,60}:[0-9]{4}\\z" =>
                    Gen.Elements("budget", "coBuilding", "expense").Select(k => $"{k}:{Unknown("org")}:2026"),
                var other => throw new InvalidOperationException(
                    $"The fuzz does not know the pattern {other} ({name}): teach SchemaValues."),
            };
        }
        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time")
        {
            return Gen.Choose(1, 30).Select(d => DateTimeOffset.UtcNow.AddDays(d).ToString("O", CultureInfo.InvariantCulture));
        }
        var max = Int(schema, "maxLength", 40);
        var min = Int(schema, "minLength", 0);
        return Gen.Elements(Texts).Select(t => t.Length > max ? t[..max] : t).Select(t => t.Length < min ? t.PadRight(min, 'x') : t);
    }

    private static string Keys(int i) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));

    private Gen<JsonNode?> ValidArray(JsonElement schema, string name, string template)
    {
        var items = schema.GetProperty("items");
        var min = Int(schema, "minItems", 0);
        var max = Math.Min(Int(schema, "maxItems", 3), min + 2);
        var unique = schema.TryGetProperty("uniqueItems", out var u) && u.GetBoolean();
        return Gen.Choose(min, max).SelectMany(n => Valid(items, name, template).ListOf(n)).Select(list =>
        {
            var values = unique ? list.DistinctBy(v => v?.ToJsonString()).ToList() : list.ToList();
            return (JsonNode?)new JsonArray(values.Select(v => v?.DeepClone()).ToArray());
        });
    }

    /// <summary>An object with every required property and each optional one half the time.</summary>
    public Gen<JsonObject> ValidObject(JsonElement schema, string template = "")
    {
        schema = Contract.Resolve(schema);
        var required = Contract.Required(schema);
        var fields = Contract.Properties(schema).Select(p =>
            from present in required.Contains(p.Name) ? Gen.Constant(true) : Gen.Elements(true, false)
            from value in Valid(p.Schema, p.Name, template)
            select (p.Name, present, value)).ToList();
        Gen<List<(string, JsonNode?)>> extra = Gen.Constant(new List<(string, JsonNode?)>());
        if (schema.TryGetProperty("propertyNames", out var names) && schema.TryGetProperty("additionalProperties", out var values))
        {
            var keys = Contract.Resolve(names).GetProperty("enum").EnumerateArray().Select(k => k.GetString()!).ToArray();
            extra = from key in Gen.Elements(keys)
                    from value in Valid(values, key, template)
                    select new List<(string, JsonNode?)> { (key, value) };
        }
        return from chosen in Gen.CollectToList(fields)
               from more in extra
               select new JsonObject(chosen.Where(f => f.present).Select(f => KeyValuePair.Create(f.Name, f.value?.DeepClone()))
                   .Concat(more.Select(m => KeyValuePair.Create(m.Item1, m.Item2?.DeepClone()))));
    }

    public static int Int(JsonElement schema, string keyword, int fallback) =>
        schema.TryGetProperty(keyword, out var v) && v.TryGetDecimal(out var d)
            ? (int)Math.Clamp(d, int.MinValue / 2, int.MaxValue / 2)
            : fallback;
}
