import QuireREST

/// The comment resource as `/wp/v2/comments` describes it, and the filters its collection takes.
enum CommentSchemas {
    static let comment: JSONObject = try! JSONParser.parse(commentText).objectValue!
    static let commentPlan = ContextPlan(comment)
    static let collection: JSONObject = try! JSONParser.parse(collectionText).objectValue!

    static let commentText = #"""
{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "title": "comment",
  "type": "object",
  "properties": {
    "id": {
      "description": "Unique identifier for the comment.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "author": {
      "description": "The ID of the user object, if author was a user.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "author_email": {
      "description": "Email address for the comment author.",
      "type": "string",
      "format": "email",
      "context": [
        "edit"
      ]
    },
    "author_ip": {
      "description": "IP address for the comment author.",
      "type": "string",
      "format": "ip",
      "context": [
        "edit"
      ]
    },
    "author_name": {
      "description": "Display name for the comment author.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "author_url": {
      "description": "URL for the comment author.",
      "type": "string",
      "format": "uri",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "author_user_agent": {
      "description": "User agent for the comment author.",
      "type": "string",
      "context": [
        "edit"
      ]
    },
    "content": {
      "description": "The content for the comment.",
      "type": "object",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "properties": {
        "raw": {
          "description": "Content for the comment, as it exists in the database.",
          "type": "string",
          "context": [
            "edit"
          ]
        },
        "rendered": {
          "description": "HTML content for the comment, transformed for display.",
          "type": "string",
          "context": [
            "view",
            "edit",
            "embed"
          ],
          "readonly": true
        }
      }
    },
    "date": {
      "description": "The date the comment was published, in the site's timezone.",
      "type": "string",
      "format": "date-time",
      "context": [
        "view",
        "edit",
        "embed"
      ]
    },
    "date_gmt": {
      "description": "The date the comment was published, as GMT.",
      "type": "string",
      "format": "date-time",
      "context": [
        "view",
        "edit"
      ]
    },
    "link": {
      "description": "URL to the comment.",
      "type": "string",
      "format": "uri",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "parent": {
      "description": "The ID for the parent of the comment.",
      "type": "integer",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "default": 0
    },
    "post": {
      "description": "The ID of the associated post object.",
      "type": "integer",
      "context": [
        "view",
        "edit"
      ],
      "default": 0
    },
    "status": {
      "description": "State of the comment.",
      "type": "string",
      "context": [
        "view",
        "edit"
      ]
    },
    "type": {
      "description": "Type of the comment.",
      "type": "string",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true
    },
    "author_avatar_urls": {
      "description": "Avatar URLs for the comment author.",
      "type": "object",
      "context": [
        "view",
        "edit",
        "embed"
      ],
      "readonly": true,
      "properties": {
        "24": {
          "description": "Avatar URL with image size of 24 pixels.",
          "type": "string",
          "format": "uri",
          "context": [
            "embed",
            "view",
            "edit"
          ]
        },
        "48": {
          "description": "Avatar URL with image size of 48 pixels.",
          "type": "string",
          "format": "uri",
          "context": [
            "embed",
            "view",
            "edit"
          ]
        },
        "96": {
          "description": "Avatar URL with image size of 96 pixels.",
          "type": "string",
          "format": "uri",
          "context": [
            "embed",
            "view",
            "edit"
          ]
        }
      }
    },
    "meta": {
      "description": "Meta fields.",
      "type": "object",
      "context": [
        "view",
        "edit"
      ],
      "properties": []
    }
  }
}
"""#

    static let collectionText = #"""
{
  "context": {
    "description": "Scope under which the request is made; determines fields present in response.",
    "type": "string",
    "enum": [
      "view",
      "embed",
      "edit"
    ],
    "default": "view"
  },
  "page": {
    "description": "Current page of the collection.",
    "type": "integer",
    "default": 1,
    "minimum": 1
  },
  "per_page": {
    "description": "Maximum number of items to be returned in result set.",
    "type": "integer",
    "default": 10,
    "minimum": 1,
    "maximum": 100
  },
  "search": {
    "description": "Limit results to those matching a string.",
    "type": "string"
  },
  "after": {
    "description": "Limit response to comments published after a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
  },
  "author": {
    "description": "Limit result set to comments assigned to specific user IDs. Requires authorization.",
    "type": "array",
    "items": {
      "type": "integer"
    }
  },
  "author_exclude": {
    "description": "Ensure result set excludes comments assigned to specific user IDs. Requires authorization.",
    "type": "array",
    "items": {
      "type": "integer"
    }
  },
  "author_email": {
    "default": null,
    "description": "Limit result set to that from a specific author email. Requires authorization.",
    "format": "email",
    "type": "string"
  },
  "before": {
    "description": "Limit response to comments published before a given ISO8601 compliant date.",
    "type": "string",
    "format": "date-time"
  },
  "exclude": {
    "description": "Ensure result set excludes specific IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "include": {
    "description": "Limit result set to specific IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    },
    "default": []
  },
  "offset": {
    "description": "Offset the result set by a specific number of items.",
    "type": "integer"
  },
  "order": {
    "description": "Order sort attribute ascending or descending.",
    "type": "string",
    "default": "desc",
    "enum": [
      "asc",
      "desc"
    ]
  },
  "orderby": {
    "description": "Sort collection by comment attribute.",
    "type": "string",
    "default": "date_gmt",
    "enum": [
      "date",
      "date_gmt",
      "id",
      "include",
      "post",
      "parent",
      "type"
    ]
  },
  "parent": {
    "default": [],
    "description": "Limit result set to comments of specific parent IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    }
  },
  "parent_exclude": {
    "default": [],
    "description": "Ensure result set excludes specific parent IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    }
  },
  "post": {
    "default": [],
    "description": "Limit result set to comments assigned to specific post IDs.",
    "type": "array",
    "items": {
      "type": "integer"
    }
  },
  "status": {
    "default": "approve",
    "description": "Limit result set to comments assigned a specific status. Requires authorization.",
    "type": "string"
  },
  "type": {
    "default": "comment",
    "description": "Limit result set to comments assigned a specific type. Requires authorization.",
    "type": "string"
  },
  "password": {
    "description": "The password for the post if it is password protected.",
    "type": "string"
  }
}
"""#
}
