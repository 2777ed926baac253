using System.Text.Json.Nodes;
using WorldPlay.Minds.Llm;

namespace WorldPlay.Minds.Tests;

/// <summary>The schema and outline a model receives, generated from the core's declared change kinds, are exactly the ones
/// written out by hand before they were generated.</summary>
public sealed class ActionSchemaTextTests
{
    [Fact]
    public void Json_GeneratedFromTheCore_IsTheSchemaModelsReceived() =>
        Assert.Equal(JsonNode.Parse(Schema)!.ToJsonString(), ActionSchema.Json);

    [Fact]
    public void Outline_GeneratedFromTheCore_IsTheOutlineModelsReceived() =>
        Assert.Equal(Outline, ActionSchema.Outline);

    private static readonly string Outline = OutlineOfTheFirstKinds + "\n"
        + """{"kind":"entity-created","id":"<id>","entityKind":"character|place|item|faction|concept","name":"<name>","aliases":"""
        + """["<text>", ...],"description":"<text>","location":"<id>"|null,"holder":"<id>"|"""
        + """null,"status":"alive|dead|missing|destroyed"}""" + "\n"
        + """{"kind":"path-opened","from":"<id>","to":"<id>","minutes":<minutes>}""" + "\n"
        + """{"kind":"description-changed","entity":"<id>","description":"<text>"}""";

    private const string OutlineOfTheFirstKinds = """
{"speech": "<what you say>", "narration": "<what you do>", "addressees": ["<id>", ...], "proposals": [<change>, ...]}
where each change is one of:
{"kind":"moved","to":"<id>"}
{"kind":"travelled","to":"<id>","minutes":<minutes>}
{"kind":"gave","item":"<id>","to":"<id>"}
{"kind":"took","item":"<id>"}
{"kind":"relationship-changed","from":"<id>","to":"<id>","type":"<type>","strength":<-1..1>}
{"kind":"fact-asserted","factId":"<fact id>","subject":"<id>","predicate":"<text>","value":"<text>"}
{"kind":"fact-retracted","factId":"<fact id>"}
{"kind":"status-changed","entity":"<id>","status":"alive|dead|missing|destroyed"}
{"kind":"time-advanced","minutes":<minutes>}
""";

    private const string Schema = """
{
  "type": "object",
  "properties": {
    "speech": {
      "type": "string",
      "description": "What you say aloud, in your own voice; only your own words."
    },
    "narration": {
      "type": "string",
      "description": "What you do, briefly, in the third person; only your own actions."
    },
    "addressees": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "Ids of those you speak to, as listed in brackets; empty for everyone present."
    },
    "proposals": {
      "type": "array",
      "items": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "moved"
                ]
              },
              "to": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "to"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "travelled"
                ]
              },
              "to": {
                "type": "string"
              },
              "minutes": {
                "type": "integer"
              }
            },
            "required": [
              "kind",
              "to",
              "minutes"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "gave"
                ]
              },
              "item": {
                "type": "string"
              },
              "to": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "item",
              "to"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "took"
                ]
              },
              "item": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "item"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "relationship-changed"
                ]
              },
              "from": {
                "type": "string"
              },
              "to": {
                "type": "string"
              },
              "type": {
                "type": "string"
              },
              "strength": {
                "type": "number"
              }
            },
            "required": [
              "kind",
              "from",
              "to",
              "type",
              "strength"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "fact-asserted"
                ]
              },
              "factId": {
                "type": "string"
              },
              "subject": {
                "type": "string"
              },
              "predicate": {
                "type": "string"
              },
              "value": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "factId",
              "subject",
              "predicate",
              "value"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "fact-retracted"
                ]
              },
              "factId": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "factId"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "status-changed"
                ]
              },
              "entity": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "alive",
                  "dead",
                  "missing",
                  "destroyed"
                ]
              }
            },
            "required": [
              "kind",
              "entity",
              "status"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "time-advanced"
                ]
              },
              "minutes": {
                "type": "integer"
              }
            },
            "required": [
              "kind",
              "minutes"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "entity-created"
                ]
              },
              "id": {
                "type": "string"
              },
              "entityKind": {
                "type": "string",
                "enum": [
                  "character",
                  "place",
                  "item",
                  "faction",
                  "concept"
                ]
              },
              "name": {
                "type": "string"
              },
              "aliases": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "description": {
                "type": "string"
              },
              "location": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "holder": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "status": {
                "type": "string",
                "enum": [
                  "alive",
                  "dead",
                  "missing",
                  "destroyed"
                ]
              }
            },
            "required": [
              "kind",
              "id",
              "entityKind",
              "name",
              "aliases",
              "description",
              "location",
              "holder",
              "status"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "path-opened"
                ]
              },
              "from": {
                "type": "string"
              },
              "to": {
                "type": "string"
              },
              "minutes": {
                "type": "integer"
              }
            },
            "required": [
              "kind",
              "from",
              "to",
              "minutes"
            ],
            "additionalProperties": false
          },
          {
            "type": "object",
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "description-changed"
                ]
              },
              "entity": {
                "type": "string"
              },
              "description": {
                "type": "string"
              }
            },
            "required": [
              "kind",
              "entity",
              "description"
            ],
            "additionalProperties": false
          }
        ]
      },
      "description": "Changes your action makes to the world; ids as listed in brackets. Often none."
    }
  },
  "required": [
    "speech",
    "narration",
    "addressees",
    "proposals"
  ],
  "additionalProperties": false
}
""";
}
