window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "id_str" : "1800000000000000001",
      "full_text" : "@DefensieNL Wanneer gaat de aanmelding voor de open dag open? Groet, Zeemeeuw",
      "in_reply_to_screen_name" : "DefensieNL",
      "created_at" : "Mon Apr 15 10:00:00 +0000 2024"
    }
  },
  {
    "tweet" : {
      "id_str" : "1800000000000000002",
      "full_text" : "@DefensieNL Wat een prachtige foto's, trots op jullie!",
      "in_reply_to_screen_name" : "DefensieNL",
      "created_at" : "Mon Apr 15 10:05:00 +0000 2024"
    }
  },
  {
    "tweet" : {
      "id_str" : "1800000000000000003",
      "full_text" : "@nieuws_voorbeeld Hoe kan ik me aanmelden voor de open dag?",
      "in_reply_to_screen_name" : "nieuws_voorbeeld",
      "created_at" : "Mon Apr 15 10:10:00 +0000 2024"
    }
  },
  {
    "tweet" : {
      "id_str" : "1800000000000000004",
      "full_text" : "@DefensieNL Kunnen jullie de route naar Zeemeeuw delen? Parkeren &amp; OV graag.",
      "in_reply_to_screen_name" : "DefensieNL",
      "created_at" : "Mon Apr 15 10:15:00 +0000 2024"
    }
  }
]
