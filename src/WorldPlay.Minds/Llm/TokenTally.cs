using OpenAI.Chat;
using WorldPlay.Core.Minds;

namespace WorldPlay.Minds.Llm;

/// <summary>The tokens of a turn's calls: as the endpoint reported them, or counted here (cl100k) when it reported none.</summary>
internal sealed class TokenTally
{
    // The chat format's few tokens of framing per message (role and separators), as OpenAI documents for its models.
    private const int PerMessage = 4;

    public int Prompt { get; private set; }

    public int Completion { get; private set; }

    public void Add(IReadOnlyList<ChatMessage> messages, ModelReply reply)
    {
        Prompt += reply.PromptTokens ?? Count(messages);
        Completion += reply.CompletionTokens ?? TokenCounter.Default.Count(reply.Text);
    }

    /// <summary>The prompt tokens of <paramref name="messages"/> as counted here.</summary>
    public static int Count(IReadOnlyList<ChatMessage> messages) =>
        messages.Sum(m => PerMessage + m.Content.Sum(part => part.Text is { } text ? TokenCounter.Default.Count(text) : 0));
}
