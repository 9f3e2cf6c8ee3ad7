window.YTD.note_tweet.part0 = [
  {
    "noteTweet" : {
      "noteTweetId" : "1780001234567890001",
      "updatedAt" : "2024-04-18T09:00:00.000Z",
      "lifecycle" : {
        "value" : "live",
        "name" : "Live",
        "originalValue" : "live",
        "originalName" : "Live"
      },
      "createdAt" : "2024-04-18T09:00:00.000Z",
      "core" : {
        "styletags" : [ ],
        "urls" : [ ],
        "text" : "Een lange reactie aan @m_yilmaz84 over de vergunningaanvraag. Mehmet Yilmaz had gelijk: de termijn is zes weken.",
        "mentions" : [
          {
            "screenName" : "m_yilmaz84",
            "fromIndex" : "22",
            "toIndex" : "33"
          }
        ],
        "cashtags" : [ ],
        "hashtags" : [ ]
      }
    }
  }
]
