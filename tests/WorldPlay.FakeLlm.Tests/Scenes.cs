using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;
using WorldPlay.Core;
using WorldPlay.Core.Minds;

namespace WorldPlay.FakeLlm.Tests;

/// <summary>Prompts as the LLM mind sends them: a perspective rendered by the real <see cref="PerspectiveBuilder"/>.</summary>
internal static class Scenes
{
    public const string ActionInstructions =
        "You play one character in a role-play scene. Your own id is mira. Answer with one JSON object: " +
        "{\"speech\": string, \"narration\": string, \"addressees\": [entity id], \"proposals\": [change]}. Never speak for anyone else.";

    public static readonly EntityId[] PresentIds = ["tomas", "ana"];

    /// <summary>Mira at the tavern with her brother Tomas and the user Ana; Tomas just spoke and she is to answer him.</summary>
    public static Perspective Mira(int turn = 4, Pacing pacing = Pacing.Steady,
        string line = "The ledger was wrong again, and Greaves knows it.")
    {
        var tomasLine = new HeardLine(10, turn - 1, "tomas", "Tomas Haskel", line, ["mira"]);
        var tie = new RelationshipView("mira", "Mira Haskel", "sister", "tomas", "Tomas Haskel", 0.6);
        return new Perspective(
            new Persona("mira", "Mira Haskel", "A net-mender who keeps the family's books.", ["stubborn", "warm"], "short, dry",
                ["We mend what we can."], [], ["Keep the net-lofts in the family"], [], 0.6),
            "Kelderhaven",
            "en",
            turn,
            1110 + turn,
            new PlaceView("gull-and-kettle", "The Gull and Kettle", "A low-beamed tavern on the waterfront.",
                [new ExitView("long-quay", "The Long Quay", 5), new ExitView("fish-market", "The Fish Market", 3)]),
            [
                new PresentView("tomas", "Tomas Haskel", "he", false, [tie]),
                new PresentView("ana", "Ana Vell", "she", true, []),
            ],
            [
                new ItemView("silver-locket", "silver locket", "mira", "Mira Haskel"),
                new ItemView("bone-dice", "bone dice", null, null),
                new ItemView("loan-book", "Greaves's loan book", "tomas", "Tomas Haskel"),
            ],
            [tie],
            [new FactView("debt", "tomas", "Tomas Haskel", "owes", "forty marks to Greaves", false)],
            ["Ana Vell came in from the rain."],
            [new HeardLine(9, turn - 2, "ana", "Ana Vell", "Is this seat taken?", []), tomasLine],
            new SceneCue("evening", "gull-and-kettle", "The Gull and Kettle", false, pacing, ["Find out who wrote the letter"], tomasLine,
                [], 7),
            0,
            PerspectiveBuilder.DefaultBudget);
    }

    public static List<ChatMessage> Messages(Perspective perspective, string instructions = ActionInstructions) =>
        [new SystemChatMessage(instructions), new UserChatMessage(PerspectiveBuilder.Render(perspective))];

    /// <summary>The official OpenAI client against the fake server, without retries so each fault is seen as sent.</summary>
    public static ChatClient Client(FakeLlmServer server, TimeSpan? networkTimeout = null, string model = FakeLlmServer.DefaultModel) =>
        new(model, new ApiKeyCredential("not-a-real-key"), new OpenAIClientOptions
        {
            Endpoint = server.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = networkTimeout ?? TimeSpan.FromSeconds(100),
        });

    public static ChatCompletionOptions JsonObject() => new() { ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() };
}
