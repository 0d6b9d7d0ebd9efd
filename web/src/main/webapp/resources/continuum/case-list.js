/* The case list's "Show name" buttons. Each row has a plain button with its case file's id; a press runs the list's
   one command (revealLegalName, a p:remoteCommand) with that id. The server checks need to know and audits; the name
   comes back as a callback parameter and is written as text, never as markup. Focus moves to the name, so a keyboard
   or screen-reader user lands on what they asked for. No inline script. */
(function () {
    function buttonOf(id) {
        var buttons = document.querySelectorAll('button.reveal-name[data-case]');
        for (var i = 0; i < buttons.length; i++) {
            if (buttons[i].getAttribute('data-case') === id) {
                return buttons[i];
            }
        }
        return null;
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('button.reveal-name[data-case]') : null;
        if (!button || typeof window.revealLegalName !== 'function') {
            return;
        }
        button.disabled = true;
        window.revealLegalName([{name: 'caseFileId', value: button.getAttribute('data-case')}]);
    });

    window.ContinuumCaseList = {
        revealed: function (args) {
            var button = args && args.caseFileId ? buttonOf(String(args.caseFileId)) : null;
            if (!button || typeof args.legalName !== 'string') {
                document.querySelectorAll('button.reveal-name[disabled]').forEach(function (b) {
                    b.disabled = false;
                });
                return;
            }
            var name = button.parentNode.querySelector('bdi.revealed-name');
            name.textContent = args.legalName;
            name.setAttribute('tabindex', '-1');
            button.parentNode.removeChild(button);
            name.focus();
        }
    };
})();
