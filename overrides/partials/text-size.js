{#- Inlined in the head of every page (main.html) and allowed by the CSP by its hash:
    it applies the reader's text size (the step saved by assets/js/reading-tools.js,
    under the site's own path: Pages sites of one account share an origin) before
    the first paint, so nothing moves. It also tells the stylesheet that scripts run
    (data-text-size), which shows the reading tools. Kept on one line: it is in every page. -#}
(function(){var s={{ config.extra.reading.text_scale | tojson }},r=document.documentElement,n=0;try{n=parseInt(localStorage.getItem(new URL("{{ 'assets/' | url }}",location).pathname+"text-size"),10)||0}catch(e){}if(!(n>=0&&n<s.length))n=0;r.setAttribute("data-text-size",n);r.style.setProperty("--text-scale",s[n])})();
