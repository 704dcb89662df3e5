using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Activities;
using RedYifang.Functions.Alliances;
using RedYifang.Functions.Agreements;
using RedYifang.Functions.Assessment;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Demo;
using RedYifang.Functions.Evaluations;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Funding;
using RedYifang.Functions.Identity;
using RedYifang.Functions.Matching;
using RedYifang.Functions.Notifications;
using RedYifang.Functions.Orders;
using RedYifang.Functions.Organisations;
using RedYifang.Functions.PartyMembers;
using RedYifang.Functions.Platform;
using RedYifang.Functions.Platform.Console;
using RedYifang.Functions.Platform.Messaging;
using RedYifang.Functions.Resources;
using RedYifang.Functions.Sites;

namespace RedYifang.Functions;

/// <summary>
/// The app's service registration, one line per capability. The Functions host (Program.cs), the local
/// host and the tests all register the app through this one method.
/// </summary>
public static class AppServices
{
    public static IServiceCollection AddRedYifang(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddPlatform(configuration)
            .AddTelemetry(configuration)
            .AddMessaging(configuration)
            .AddIdentity(configuration)
            .AddContentSecurity(configuration)
            .AddOrganisations()
            .AddResources()
            .AddOrders(configuration)
            .AddNotifications(configuration)
            .AddMatching(configuration)
            .AddEvidence(configuration)
            .AddAssessment()
            .AddAgreements()
            .AddActivities()
            .AddPartyMembers()
            .AddSites(configuration)
            .AddAlliances()
            .AddEvaluations(configuration)
            .AddFunding(configuration)
            .AddDemo()
            .AddConsole(configuration);
}
