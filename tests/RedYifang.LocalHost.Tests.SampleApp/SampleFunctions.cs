using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RedYifang.LocalHost.Tests.SampleApp;

public static class SampleServices
{
    public static IServiceCollection AddSampleApp(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new Journal(new TableServiceClient(configuration["AzureWebJobsStorage"]).GetTableClient("Journal")));
}

/// <summary>Where the sample functions record what happened to them, for the tests to read.</summary>
public sealed class Journal(TableClient table)
{
    public async Task WriteAsync(string kind, string id, string detail)
    {
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(kind, $"{id}|{Guid.NewGuid():N}") { ["Detail"] = detail });
    }
}

public sealed record WorkItem(string Id, bool Fail, int SleepMs = 0);

public sealed class SampleFunctions(Journal journal)
{
    [Function("Echo")]
    public static IActionResult Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sample/echo/{name}/{times:int}")] HttpRequest req,
        string name,
        int times) =>
        new ContentResult {
            Content = string.Concat(Enumerable.Repeat(name, times)) + req.Query["suffix"],
            ContentType = "text/plain",
            StatusCode = 200 };

    [Function("Work")]
    public async Task Work([QueueTrigger("sample-work", Connection = "AzureWebJobsStorage")] WorkItem item, long dequeueCount)
    {
        await journal.WriteAsync("work", item.Id, $"attempt {dequeueCount}");
        await Task.Delay(item.SleepMs);
        if (item.Fail) throw new InvalidOperationException($"Work item {item.Id} always fails.");
    }

    [Function("Tick")]
    public Task Tick([TimerTrigger("%TickSchedule%", RunOnStartup = true)] TimerInfo timer) =>
        journal.WriteAsync("tick", "tick", timer.ScheduleStatus!.Last == DateTime.MinValue ? "startup" : "scheduled");
}
