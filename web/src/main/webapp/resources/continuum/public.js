// The public pages work without this script. With it, the quick exit replaces this page in the history (the back
// button does not return here), and pressing Escape twice leaves as well.
(function () {
    'use strict';
    function leave(exit) {
        window.location.replace(exit.href);
    }
    document.addEventListener('DOMContentLoaded', function () {
        var exit = document.getElementById('quickExit');
        if (!exit) {
            return;
        }
        exit.addEventListener('click', function (event) {
            event.preventDefault();
            leave(exit);
        });
        var last = 0;
        document.addEventListener('keydown', function (event) {
            if (event.key === 'Escape') {
                var now = Date.now();
                if (now - last < 800) {
                    leave(exit);
                }
                last = now;
            }
        });
    });
}());
