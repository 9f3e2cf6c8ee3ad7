window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [ "1779861234567890001" ],
          "editableUntil" : "2024-04-15T11:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Sanne de Boer",
            "screen_name" : "sannedeboer_",
            "indices" : [ "0", "13" ],
            "id_str" : "1402345678",
            "id" : "1402345678"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [ "0", "118" ],
      "favorite_count" : "2",
      "in_reply_to_status_id_str" : "1779851234567890000",
      "id_str" : "1779861234567890001",
      "in_reply_to_user_id" : "1402345678",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1779861234567890001",
      "in_reply_to_status_id" : "1779851234567890000",
      "created_at" : "Mon Apr 15 10:00:00 +0000 2024",
      "favorited" : false,
      "full_text" : "@sannedeboer_ Dank voor je vraag, Sanne de Boer. Openingstijden &amp; adressen vind je op onze site &gt; contact.",
      "lang" : "nl",
      "in_reply_to_screen_name" : "sannedeboer_",
      "in_reply_to_user_id_str" : "1402345678"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ { "text" : "Veteranendag", "indices" : [ "36", "49" ] } ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/AbCdEf1234",
            "expanded_url" : "https://www.example.nl/nieuws/veteranendag-2024",
            "display_url" : "example.nl/nieuws/veteran\u2026",
            "indices" : [ "52", "75" ]
          }
        ]
      },
      "display_text_range" : [ "0", "75" ],
      "favorite_count" : "41",
      "id_str" : "1779871234567890002",
      "truncated" : false,
      "retweet_count" : "12",
      "id" : "1779871234567890002",
      "created_at" : "Tue Apr 16 08:30:00 +0000 2024",
      "favorited" : false,
      "full_text" : "Zaterdag 29 juni is het weer #Veteranendag. \u2764\uFE0F https://t.co/AbCdEf1234",
      "lang" : "nl"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Mehmet Yilmaz",
            "screen_name" : "m_yilmaz84",
            "indices" : [ "0", "11" ],
            "id_str" : "98765432",
            "id" : "98765432"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [ "0", "90" ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1779881234567890000",
      "id_str" : "1779881234567890003",
      "in_reply_to_user_id" : "98765432",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1779881234567890003",
      "in_reply_to_status_id" : "1779881234567890000",
      "created_at" : "Wed Apr 17 14:12:09 +0000 2024",
      "favorited" : false,
      "full_text" : "@m_yilmaz84 Klopt, &lt;b&gt; is geen geldige tag. Groet, team webcare (en @sannedeboer_ bedankt!)",
      "lang" : "nl",
      "in_reply_to_screen_name" : "m_yilmaz84",
      "in_reply_to_user_id_str" : "98765432"
    }
  }
]
